/**
 * preparedRead (src/db/prepared.ts): a read compiled once per database and shape answers each
 * run with that run's values, a filter given or not is a shape of its own, and a build that
 * uses a value other than as a parameter is refused rather than run with the first value.
 * On PostgreSQL the text is a named statement: its runs on every pooled connection agree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../src/db/connect.ts';
import { preparedRead } from '../src/db/prepared.ts';
import { freshDatabase } from './support/db.ts';

describe('reads compiled once (preparedRead)', () => {
  let conn: Connection;
  beforeAll(async () => {
    conn = await freshDatabase();
    await conn.db.insertInto('settings').values(['1', '2', '3'].map((n, i) => ({ key: `prep-${'abc'[i]}`, value_json: `"${n}"`, updated_at: '2026-12-05T00:00:00.000Z' }))).execute();
  });
  afterAll(async () => conn.close());

  const read = (key: string, above?: string) => preparedRead(conn.db, 'settingsTest', { key, above }, (p) => {
    let q = conn.db.selectFrom('settings').select(['key', 'value_json']).where('key', '>=', p.key).where('key', 'like', 'prep-%');
    if (p.above !== undefined) q = q.where('value_json', '>', p.above);
    return q.orderBy('key');
  });

  it('answers each run with its own values, and a condition given or not as its own shape', async () => {
    expect((await read('prep-b')).map((r) => r.key)).toEqual(['prep-b', 'prep-c']);
    expect((await read('prep-a')).map((r) => r.key)).toEqual(['prep-a', 'prep-b', 'prep-c']);
    expect((await read('prep-a', '"1"')).map((r) => r.key)).toEqual(['prep-b', 'prep-c']);
    expect((await read('prep-a')).map((r) => r.key)).toEqual(['prep-a', 'prep-b', 'prep-c']);
    // Concurrent runs (several pooled connections on PostgreSQL, each preparing the text itself).
    const runs = await Promise.all(Array.from({ length: 12 }, (_, i) => read(['prep-a', 'prep-b', 'prep-c'][i % 3]!)));
    expect(runs.map((r) => r.length)).toEqual(Array.from({ length: 12 }, (_, i) => 3 - (i % 3)));
  });

  it('refuses a build that uses a value other than as a parameter', async () => {
    await expect(preparedRead(conn.db, 'settingsInlined', { key: 'prep-a' }, (p) =>
      conn.db.selectFrom('settings').select('key').where('key', '=', `${String(p.key)}`))).rejects.toThrow(/not compiled as parameters/);
  });
});
