import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Rule ids (ATTR-1, PUB-5 …) stay in code, tests and docs; people read the law's article or
 * the agency's rule by name (issue 8). This walks the source: every message an AppError or a
 * rule's problem carries, every label the server serves to the console, and every string the
 * console shows.
 */
const RULE_ID = /\b[A-Z]{2,5}-\d+\b/;
const root = join(import.meta.dirname, '..');

/** Every capability, so a new module is checked from its first line. */
const SERVER_MODULES = readdirSync(join(root, 'src/modules'));
/** Calls whose string arguments reach a person: errors and the rules' problems. */
const MESSAGE_CALLS = new Set(['badRequest', 'conflict', 'forbidden', 'unauthorized', 'notFound', 'problem', 'needs', 'AppError']);
/** Object properties the console shows as they are. */
const LABEL_PROPERTIES = new Set(['label', 'description', 'title', 'message']);

function files(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath, e.name));
}

type Text = { where: string; text: string };

function texts(node: ts.Node, source: ts.SourceFile, file: string): Text[] {
  const out: Text[] = [];
  const visit = (n: ts.Node) => {
    if (ts.isStringLiteralLike(n) || ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n) || ts.isJsxText(n)) {
      const { line } = source.getLineAndCharacterOfPosition(n.getStart(source));
      out.push({ where: `${relative(root, file)}:${line + 1}`, text: n.text });
    }
    n.forEachChild(visit);
  };
  visit(node);
  return out;
}

function parse(file: string) {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
}

function serverMessages(file: string): Text[] {
  const source = parse(file);
  const out: Text[] = [];
  const visit = (n: ts.Node) => {
    const callee = ts.isCallExpression(n) || ts.isNewExpression(n) ? n.expression : null;
    if (callee && ts.isIdentifier(callee) && MESSAGE_CALLS.has(callee.text)) {
      for (const arg of (n as ts.CallExpression).arguments ?? []) out.push(...texts(arg, source, file));
    } else if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && LABEL_PROPERTIES.has(n.name.text)) {
      out.push(...texts(n.initializer, source, file));
    }
    n.forEachChild(visit);
  };
  visit(source);
  return out;
}

function consoleTexts(): Text[] {
  // api-schema.ts is generated type declarations: its keys are data (a vocabulary keyed by rule), never shown.
  return files(join(root, 'web/src'), (n) => /\.tsx?$/.test(n) && n !== 'api-schema.ts').flatMap((file) => {
    const source = parse(file);
    return texts(source, source, file);
  });
}

const withIds = (found: Text[]) => found.filter((t) => RULE_ID.test(t.text)).map((t) => `${t.where} ${t.text.trim()}`);

describe('people never read rule ids', () => {
  it('no AppError message or served label in the server modules cites a rule id', () => {
    const sources = SERVER_MODULES.flatMap((m) => files(join(root, 'src/modules', m), (n) => n.endsWith('.ts') && !n.endsWith('.test.ts')));
    const found = sources.flatMap(serverMessages);
    expect(found.length).toBeGreaterThan(100);
    expect(withIds(found)).toEqual([]);
  });

  it('no string the console shows cites a rule id', () => {
    const found = consoleTexts();
    expect(found.length).toBeGreaterThan(1000);
    expect(withIds(found)).toEqual([]);
  });

  it('the console quotes with Chinese quotation marks “”, toasts and confirmations included (issue 8)', () => {
    expect(consoleTexts().filter((t) => /[「」]/.test(t.text)).map((t) => `${t.where} ${t.text.trim()}`)).toEqual([]);
  });
});
