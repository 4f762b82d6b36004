/**
 * One of several processes signing in on one SQLite file at once (test/sqlite-processes.test.ts):
 * `node --import tsx test/support/sign-in-loop.ts FILE COUNT`, key ring in GONGKAI_KEYS.
 * Each sign-in is a transaction that reads (roles, the audit chain's head) before it writes.
 */
import { parseKeyring } from '../../src/core/field-crypto.ts';
import { connect } from '../../src/db/connect.ts';
import { login } from '../../src/modules/auth/auth.service.ts';
import { DEMO_PASSWORD } from '../../src/seed/demo.ts';

const [file, count] = process.argv.slice(2);
const conn = connect({ keyring: parseKeyring(process.env.GONGKAI_KEYS!), sqliteFile: file! });
try {
  for (let i = 0; i < Number(count); i++) {
    await login({ db: conn.db, clock: () => new Date() }, { username: i % 2 ? 'rsj.drafter' : 'rsj.head', password: DEMO_PASSWORD }, { ip: '127.0.0.1', userAgent: `process ${process.pid}` });
  }
} finally {
  await conn.close();
}
