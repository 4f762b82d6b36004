import { randomBytes, randomUUID } from 'node:crypto';

/** Row ids are random UUIDs: portable across SQLite and PostgreSQL and unguessable in URLs. */
export const newId = (): string => randomUUID();

/** A secret token for cookies and CSRF, url-safe. */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
