import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { newKeyring, parseKeyring, type Keyring } from '../core/field-crypto.ts';
import type { Config } from '../config.ts';

/**
 * Where the key ring comes from: the environment (`GONGKAI_KEYS`, the key file's content,
 * for containers given secrets), or a key file outside the database (`GONGKAI_KEY_FILE`,
 * by default `<data>/keys.json`). The embedded default creates that file, mode 0600, the
 * first time the server or a command starts; a PostgreSQL deployment in production must be
 * given its key, so a lost key file never silently becomes a new key.
 */
export function loadKeyring(config: Pick<Config, 'keyFile' | 'keysFromEnv' | 'cryptoSuite' | 'production' | 'databaseUrl'>, now: Date): Keyring {
  if (config.keysFromEnv) return parseKeyring(config.keysFromEnv);
  if (existsSync(config.keyFile)) {
    if ((statSync(config.keyFile).mode & 0o077) !== 0) throw new Error(`key file ${config.keyFile} is readable by others: chmod 600 it`);
    return parseKeyring(readFileSync(config.keyFile, 'utf8'));
  }
  if (config.production && config.databaseUrl) throw new Error(`no key file at ${config.keyFile}: restore it from the key backup, or set GONGKAI_KEYS (see docs/security.md)`);
  const ring = newKeyring(config.cryptoSuite, now);
  saveKeyring(config.keyFile, ring);
  return ring;
}

/** Writes the key file readable by its owner only (0600, in a 0700 folder), replacing it in one step. */
export function saveKeyring(file: string, ring: Keyring): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(`${file}.new`, `${JSON.stringify(ring, null, 2)}\n`, { mode: 0o600 });
  chmodSync(`${file}.new`, 0o600);
  renameSync(`${file}.new`, file);
}
