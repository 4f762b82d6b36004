/**
 * Content-addressed file storage: a file lives at `root/ab/cd/<sha256>`, named by the SHA-256
 * of its bytes. The same content is stored once however often it is uploaded, a stored file
 * never changes, and an original and its redacted public copy are simply two files.
 *
 * With an object store configured (GONGKAI_S3_*, useObjectStore at start-up) the same names
 * become keys `files/ab/cd/<sha256>` in its bucket and `root` is not used: several app
 * machines then share the files (docs/deployment.md).
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError, badRequest, notFound } from '../../core/errors.ts';
import type { ObjectStore } from './object-store.ts';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Where a hash lives; only a well-formed lowercase hex digest gets a path, so no traversal. */
function storedPath(root: string, sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw badRequest('BAD_FILE_HASH', '文件标识格式错误');
  return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

let objects: ObjectStore | null = null;

/** Puts every stored file of this process in `store` (null: back to the data folder). */
export function useObjectStore(store: ObjectStore | null): void {
  objects = store;
}

/** The object store in use, if any (backup and restore copy it). */
export const objectStoreInUse = () => objects;

/** A stored file's key in the object store: its path under the data folder's `files`. */
export const objectKey = (sha256: string) => `files/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;

const exists = (path: string) => stat(path).then(() => true, () => false);

/**
 * Stores `bytes` and returns their hash and size. The file is written under a temporary name in
 * its final folder and then renamed, so a reader never sees a partial file and a crash leaves
 * at most a stray temporary file. Storing content that is already there writes nothing.
 */
export async function storeFile(root: string, bytes: Uint8Array): Promise<{ sha256: string; size: number }> {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new AppError('FILE_TOO_LARGE', 413, `文件大小超过 ${MAX_FILE_BYTES / 1024 / 1024} MB 的上限`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (objects) {
    if (!(await objects.has(objectKey(sha256)))) await objects.put(objectKey(sha256), bytes);
    return { sha256, size: bytes.byteLength };
  }
  const path = storedPath(root, sha256);
  if (!(await exists(path))) {
    const folder = dirname(path);
    await mkdir(folder, { recursive: true });
    const temp = join(folder, `.${sha256}.${randomUUID()}.tmp`);
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      // Two concurrent stores of the same content both rename onto the same name; either
      // result is the same file, so the race is harmless.
      await rename(temp, path);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }
  return { sha256, size: bytes.byteLength };
}

/** Whether the bytes of `sha256` are in the store: a record pointing at a missing file is broken. */
export async function isStored(root: string, sha256: string): Promise<boolean> {
  try {
    await stat(storedPath(root, sha256));
    return true;
  } catch {
    return false;
  }
}

/** The bytes stored under `sha256`; refuses a malformed hash and reports a missing file as 404. */
export async function readStoredFile(root: string, sha256: string): Promise<Uint8Array> {
  const path = storedPath(root, sha256);
  if (objects) {
    const bytes = await objects.get(objectKey(sha256));
    if (!bytes) throw notFound('文件');
    return bytes;
  }
  try {
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('文件');
    throw err;
  }
}
