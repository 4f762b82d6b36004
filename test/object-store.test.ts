/**
 * Stored files in an S3-compatible object store (issue 17), against s3rver, a local S3
 * server this test starts in its own process: the same content-addressed names, the store
 * interface unchanged for its callers, and backup/restore moving files between the two stores.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backup, restore } from '../src/cli/backup.ts';
import { freshDatabase } from './support/db.ts';
import { objectStoreSettings } from '../src/config.ts';
import { ObjectStore } from '../src/modules/files/object-store.ts';
import { objectKey, readStoredFile, storeFile, useObjectStore } from '../src/modules/files/store.ts';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'gongkai-s3-'));
  dirs.push(d);
  return d;
};
let server: S3rver;
let store: ObjectStore;
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const bytes = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: temp(), configureBuckets: [{ name: 'gongkai', configs: [] }, { name: 'restored', configs: [] }] });
  const { port } = await server.run();
  store = new ObjectStore(objectStoreSettings({
    GONGKAI_S3_ENDPOINT: `http://127.0.0.1:${port}`, GONGKAI_S3_BUCKET: 'gongkai', GONGKAI_S3_ACCESS_KEY_ID: 'S3RVER', GONGKAI_S3_SECRET_ACCESS_KEY: 'S3RVER',
  })!);
});
afterEach(() => useObjectStore(null));
afterAll(async () => {
  await server.close();
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('S3-compatible object store for stored files (issue 17)', () => {
  it('refuses an endpoint without its bucket and keys', () => {
    expect(() => objectStoreSettings({ GONGKAI_S3_ENDPOINT: 'http://minio:9000' })).toThrow(/GONGKAI_S3_BUCKET/);
    expect(objectStoreSettings({})).toBeNull();
  });

  it('stores under files/ab/cd/<sha256> in the bucket and reads it back; nothing in the data folder', async () => {
    useObjectStore(store);
    const root = temp();
    const { sha256 } = await storeFile(root, bytes('政府信息公开附件'));
    expect(await store.has(objectKey(sha256))).toBe(true);
    expect(text(await readStoredFile(root, sha256))).toBe('政府信息公开附件');
    expect(readdirSync(root)).toEqual([]);
    await expect(readStoredFile(root, 'a'.repeat(64))).rejects.toMatchObject({ status: 404 });
  });

  it('backup copies the bucket\'s files out, and a restore puts them in the data folder (and back into a bucket)', async () => {
    useObjectStore(store);
    const { sha256 } = await storeFile(temp(), bytes('备份中的文件'));
    const source = await freshDatabase();
    const out = join(temp(), 'backup');
    try {
      await backup(source.db, source.dialect, temp(), out);
    } finally {
      await source.close();
    }
    expect(readFileSync(join(out, objectKey(sha256)), 'utf8')).toBe('备份中的文件');

    useObjectStore(null);
    const dataDir = temp();
    const onDisk = await freshDatabase();
    try {
      await restore(onDisk.db, dataDir, out);
    } finally {
      await onDisk.close();
    }
    expect(text(await readStoredFile(join(dataDir, 'files'), sha256))).toBe('备份中的文件');

    const other = new ObjectStore({ ...store.settings, bucket: 'restored' });
    expect(await other.has(objectKey(sha256))).toBe(false);
    useObjectStore(other);
    const inBucket = await freshDatabase();
    try {
      await restore(inBucket.db, temp(), out);
    } finally {
      await inBucket.close();
    }
    expect(text(await readStoredFile('/nonexistent', sha256))).toBe('备份中的文件');
    expect(await other.has(objectKey(sha256))).toBe(true);
  });
});
