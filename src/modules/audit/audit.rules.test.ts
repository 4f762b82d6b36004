import { describe, expect, it } from 'vitest';
import { firstBrokenLink, GENESIS, linkHash, type ChainedFields } from './audit.rules.ts';

function chain(n: number) {
  const events = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const f: ChainedFields = {
      chain: 'rsj', seq, at: `2026-11-23T08:0${seq}:00.000Z`, actor_id: 'u1', actor_role: 'office', agency_id: 'rsj',
      action: 'unit.update', entity_type: 'unit', entity_id: 'x', before_json: '{"name":"a"}', after_json: `{"name":"b${seq}"}`, ip: '127.0.0.1',
    };
    const hash = linkHash(prev, f);
    events.push({ ...f, id: `e${seq}`, prev_hash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('SUP-6 audit hash chain shows tampering', () => {
  it('an untouched chain holds', () => {
    expect(firstBrokenLink(chain(5))).toBeNull();
  });
  it('an edited event breaks at that event', () => {
    const events = chain(5);
    events[2]!.after_json = '{"name":"forged"}';
    expect(firstBrokenLink(events)).toEqual({ chain: 'rsj', seq: 3, id: 'e3', reason: 'hash' });
  });
  it('a removed event shows as a gap where it was', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(firstBrokenLink(events)).toMatchObject({ seq: 3, id: 'e3', reason: 'gap' });
  });
  it('an event rewritten with a fresh hash still breaks the next link', () => {
    const events = chain(4);
    const e = events[1]!;
    e.actor_id = 'someone-else';
    e.hash = linkHash(e.prev_hash, e);
    expect(firstBrokenLink(events)).toMatchObject({ seq: 3, reason: 'prev' });
  });
});
