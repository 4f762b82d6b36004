import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, readStoredFile, storeFile } from './store.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
// SHA-256 of the UTF-8 text "政府信息公开", computed independently with `sha256sum`.
const SAMPLE_SHA = 'f0e9bebe601fc5861d86331854b287db5d626116de0b0951ad8d4cef752d8f7b';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gongkai-store-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under root, relative, so a test can see exactly what was written. */
async function listFiles(): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(root.length + 1)).sort();
}

describe('content-addressed file store (attachments and their public copies, SEC-10)', () => {
  it('stores a file under ab/cd/<sha256> and reads it back', async () => {
    const stored = await storeFile(root, bytes('政府信息公开'));
    expect(stored).toEqual({ sha256: SAMPLE_SHA, size: 18 });
    expect(await listFiles()).toEqual([join(SAMPLE_SHA.slice(0, 2), SAMPLE_SHA.slice(2, 4), SAMPLE_SHA)]);
    expect(new TextDecoder().decode(await readStoredFile(root, SAMPLE_SHA))).toBe('政府信息公开');
  });

  it('stores the same content once, leaving no temporary files behind', async () => {
    const results = await Promise.all([1, 2, 3].map(() => storeFile(root, bytes('政府信息公开'))));
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    expect(await listFiles()).toHaveLength(1);
  });

  it('keeps different content apart, so an original and its redacted copy both survive', async () => {
    const a = await storeFile(root, bytes('张三 130203198506121236'));
    const b = await storeFile(root, bytes('■■ ■■■■■■■■■■■■■■■■■■'));
    expect(a.sha256).not.toBe(b.sha256);
    expect(await listFiles()).toHaveLength(2);
    expect(new TextDecoder().decode(await readStoredFile(root, a.sha256))).toBe('张三 130203198506121236');
  });

  it('refuses files over 20 MB', async () => {
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
    await expect(storeFile(root, new Uint8Array(MAX_FILE_BYTES + 1))).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413 });
    expect(await listFiles()).toEqual([]);
  });

  it('refuses malformed hashes, so a hash cannot walk out of the store', async () => {
    for (const bad of ['../../etc/passwd', SAMPLE_SHA.toUpperCase(), SAMPLE_SHA.slice(1), `${SAMPLE_SHA}/`, '']) {
      await expect(readStoredFile(root, bad)).rejects.toMatchObject({ code: 'BAD_FILE_HASH' });
    }
  });

  it('reports a well-formed hash that is not stored as not found', async () => {
    await expect(readStoredFile(root, 'a'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });
});
