import { randomBytes, randomInt, randomUUID } from 'node:crypto';

/** Row ids are random UUIDs: portable across SQLite and PostgreSQL and unguessable in URLs. */
export const newId = (): string => randomUUID();

/** A secret token for cookies and CSRF, url-safe. */
export const newToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Capitals and digits nobody misreads off a screen or a printed receipt: no I/l/1, no O/0 (32 symbols, 5 bits each). */
const READABLE = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A secret a person copies by hand (an applicant's query password): `length` symbols of `READABLE`. */
export const newReadableSecret = (length = 12): string => Array.from({ length }, () => READABLE[randomInt(READABLE.length)]).join('');
