import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// The direction of imports docs/architecture.md draws, checked on every file's imports as
// TypeScript itself reads them (import, import type, export … from, import()).
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const WEB = join(ROOT, 'web', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** Each file's relative imports, resolved to files. */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    const imported = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) => resolve(dirname(file), name));
    graph.set(file, imported);
  }
  return graph;
}

/** Every cycle of the graph, as one path round it per strongly connected set of files (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const members: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      members.push(w);
    } while (w !== v);
    if (members.length > 1 || graph.get(v)?.includes(v)) found.push(members.map((f) => relative(ROOT, f)).sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

/** The part of src/ a file belongs to: core, db, modules, http, portal, cli, seed, or config for src/config.ts. */
const layerOf = (file: string) => {
  const first = relative(SRC, file).split('/')[0]!;
  return first.endsWith('.ts') ? first.replace(/\.ts$/, '') : first;
};

// What each part may import (besides itself). A module's HTTP edge — its *.routes.ts, the
// *.schemas.ts of its payloads and the *.export.ts files its routes answer with — uses the
// route support of src/http (access, deps, schemas, downloads, workbooks); nothing else in a module does.
const ALLOWED: Record<string, string[]> = {
  core: [],
  config: ['core'],
  db: ['core', 'config', 'modules'],
  modules: ['core', 'db', 'config', 'http', 'portal'],
  portal: ['core', 'db', 'config', 'modules', 'http'],
  http: ['core', 'db', 'config', 'modules', 'portal'],
  seed: ['core', 'db', 'config', 'modules'],
  cli: ['core', 'db', 'config', 'modules', 'http', 'portal', 'seed'],
};

/** Finer rules inside the allowed parts; a reason when `from` may not import `to`. */
function refusal(from: string, to: string): string | undefined {
  const [a, b] = [layerOf(from), layerOf(to)];
  if (a === b) return undefined;
  if (!ALLOWED[a]?.includes(b)) return `${a} never imports ${b}`;
  const target = relative(SRC, to);
  if (a === 'db' && b === 'modules' && !/\.(tables|rules)\.ts$/.test(target)) return 'db reads only the table types and pure rules modules declare';
  if (a === 'modules' && b === 'http') {
    if (!/\.(routes|schemas|export)\.ts$/.test(from)) return 'only a module\'s routes, payload schemas and exports use src/http';
    if (target === 'http/app.ts') return 'no module imports the app assembly';
  }
  // The escaped-HTML template is a leaf (it imports nothing); the power flow chart draws with it for the portal and the console alike.
  if (a === 'modules' && b === 'portal' && target !== 'portal/html.ts') return 'modules never import portal pages';
  return undefined;
}

describe('architecture', () => {
  it('no files under src/ import each other in a circle', () => {
    expect(cycles(importGraph(SRC))).toEqual([]);
  });

  it('no files of the console import each other in a circle', () => {
    expect(cycles(importGraph(WEB))).toEqual([]);
  });

  it('imports go the way docs/architecture.md draws: core ← db ← modules ← http/portal ← cli', () => {
    const wrong: string[] = [];
    for (const [from, imports] of importGraph(SRC)) {
      for (const to of imports) {
        const reason = refusal(from, to);
        if (reason) wrong.push(`${relative(ROOT, from)} → ${relative(ROOT, to)}: ${reason}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the console reaches the server only through the generated API types, never its sources', () => {
    const reaching = [...importGraph(WEB)].flatMap(([from, imports]) =>
      imports.filter((to) => !to.startsWith(join(ROOT, 'web'))).map((to) => `${relative(ROOT, from)} → ${relative(ROOT, to)}`));
    expect(reaching).toEqual([]);
  });

  it('the checks see a cycle and a wrong direction when there is one', () => {
    const a = join(SRC, 'core', 'a.ts');
    const b = join(SRC, 'core', 'b.ts');
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([['src/core/a.ts', 'src/core/b.ts']]);
    expect(refusal(join(SRC, 'core', 'ids.ts'), join(SRC, 'db', 'database.ts'))).toBe('core never imports db');
    expect(refusal(join(SRC, 'modules', 'x', 'x.service.ts'), join(SRC, 'http', 'access.ts'))).toBeDefined();
    expect(refusal(join(SRC, 'modules', 'x', 'x.routes.ts'), join(SRC, 'http', 'access.ts'))).toBeUndefined();
  });
});
