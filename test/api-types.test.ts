import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { consoleDocument, openApiDocument, schemaSource, TARGET, typesOf } from '../scripts/gen-api.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const run = promisify(execFile);
type Json = Record<string, any>;

describe('the console\'s API types (issue 18)', () => {
  let scratch: string | undefined;
  afterAll(async () => { if (scratch) await rm(scratch, { recursive: true, force: true }); });

  it('web/src/api-schema.ts is what the server\'s schemas generate today (npm run gen:api)', async () => {
    expect(await readFile(TARGET, 'utf8')).toBe(await schemaSource(await openApiDocument()));
  });

  it('names the payloads the console reads and writes paths as the console calls them', async () => {
    const view = consoleDocument(await openApiDocument()) as Json;
    expect(Object.keys(view.components.schemas)).toEqual(expect.arrayContaining(['ItemDetail', 'ApplicationDetail', 'User', 'Me']));
    expect(view.paths['/items/{id}'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ItemDetail' });
    expect(Object.keys(view.paths).every((p) => !p.startsWith('/api/v1'))).toBe(true);
  });

  it('a field renamed on the server breaks the console\'s type-check', async () => {
    const view = consoleDocument(await openApiDocument()) as Json;
    const item = view.components.schemas.Item;
    item.properties.heading = item.properties.title;
    delete item.properties.title;
    item.required = item.required.map((k: string) => (k === 'title' ? 'heading' : k));
    // A copy of the console beside node_modules, with the renamed types in place of the committed ones.
    await mkdir(join(ROOT, 'node_modules', '.cache'), { recursive: true });
    scratch = await mkdtemp(join(ROOT, 'node_modules', '.cache', 'gk-rename-'));
    await cp(join(ROOT, 'web', 'src'), join(scratch, 'src'), { recursive: true });
    await cp(join(ROOT, 'web', 'tsconfig.json'), join(scratch, 'tsconfig.json'));
    await writeFile(join(scratch, 'src', 'api-schema.ts'), await typesOf(view));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const failure = await run(process.execPath, [tsc, '--noEmit', '-p', scratch]).then(() => null, (e: { stdout: string }) => e.stdout);
    expect(failure).toMatch(/Property 'title' does not exist/);
  }, 240_000);
});
