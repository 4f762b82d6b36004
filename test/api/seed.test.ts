import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/core/clock.ts';
import type { Db } from '../../src/db/database.ts';
import { loadDemoCity } from '../../src/seed/demo-city.ts';
import { freshDatabase } from '../support/db.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-seed-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A clock that counts its readings and, when told, fails at one of them: a process dying there. */
function countingClock(failAt = Infinity) {
  let reads = 0;
  const clock: Clock = () => {
    reads += 1;
    if (reads === failAt) throw new Error('killed mid-way');
    return new Date('2026-12-04T02:00:00Z');
  };
  return { clock, reads: () => reads };
}

const count = async (db: Db, table: 'agencies' | 'users' | 'items' | 'audit_events') =>
  Number((await db.selectFrom(table).select((e) => e.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('the demo city loads whole or not at all', { timeout: 60_000 }, () => {
  it('a first start that dies half-way leaves an empty database, and the next start loads the whole city', async () => {
    const whole = await freshDatabase();
    const full = countingClock();
    expect(await loadDemoCity({ db: whole.db, clock: full.clock, dataDir })).toEqual({ users: 18, items: 10 });
    await whole.close();

    const conn = await freshDatabase();
    try {
      // Fail at half of the clock readings a whole load makes: agencies and accounts are written by then.
      const broken = countingClock(Math.floor(full.reads() / 2));
      await expect(loadDemoCity({ db: conn.db, clock: broken.clock, dataDir })).rejects.toThrow('killed mid-way');
      for (const table of ['agencies', 'users', 'items', 'audit_events'] as const) expect(await count(conn.db, table)).toBe(0);

      expect(await loadDemoCity({ db: conn.db, clock: countingClock().clock, dataDir })).toEqual({ users: 18, items: 10 });
      expect(await count(conn.db, 'items')).toBe(10);
      await expect(loadDemoCity({ db: conn.db, clock: countingClock().clock, dataDir })).rejects.toMatchObject({ code: 'DATABASE_NOT_EMPTY' });
    } finally {
      await conn.close();
    }
  });
});
