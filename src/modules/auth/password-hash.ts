import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id with OWASP's parameters (19 MiB, t=2, p=1).
export const hashPassword = (password: string): Promise<string> => hash(password);

export const passwordMatches = (passwordHash: string, password: string): Promise<boolean> =>
  verify(passwordHash, password).catch(() => false);

/** Verified against when the username is unknown, so that timing does not tell which names exist. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$UJ7cp8x6YkeLCWy1D7Sq3w$Ptmd8n6gvC40vNeugLdqUkFeicfybGylaNVZPX90VCI';
