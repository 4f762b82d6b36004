import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newKeyring } from '../../core/field-crypto.ts';
import { changedFields, checkpointBreak, checkpointSigned, firstBrokenLink, GENESIS, linkHash, signCheckpoint, type ChainedFields } from './audit.rules.ts';

const ring = newKeyring('aes-256-gcm', new Date('2026-11-23T00:00:00Z'));

function chain(n: number, key = ring) {
  const events = [];
  let prev = GENESIS;
  for (let seq = 1; seq <= n; seq++) {
    const f: ChainedFields = {
      id: `e${seq}`, chain: 'rsj', seq, at: `2026-11-23T08:0${seq}:00.000Z`, actor_id: 'u1', actor_name: '王芳', actor_role: 'office', agency_id: 'rsj',
      action: 'unit.update', entity_type: 'unit', entity_id: 'x', before_json: '{"name":"a"}', after_json: `{"name":"b${seq}"}`, ip: '127.0.0.1',
    };
    const hash = linkHash(key, prev, f);
    events.push({ ...f, prev_hash: prev, hash });
    prev = hash;
  }
  return events;
}

describe('SUP-6 audit hash chain shows tampering', () => {
  it('an untouched chain holds', () => {
    expect(firstBrokenLink(ring, chain(5))).toBeNull();
  });
  it('an edited event breaks at that event', () => {
    const events = chain(5);
    events[2]!.after_json = '{"name":"forged"}';
    expect(firstBrokenLink(ring, events)).toEqual({ chain: 'rsj', seq: 3, id: 'e3', reason: 'hash' });
  });
  it("the actor's name is covered: renaming who did it breaks the link", () => {
    const events = chain(3);
    events[1]!.actor_name = '李四';
    expect(firstBrokenLink(ring, events)).toMatchObject({ seq: 2, reason: 'hash' });
  });
  it('a removed event shows as a gap where it was', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(firstBrokenLink(ring, events)).toMatchObject({ seq: 3, id: 'e3', reason: 'gap' });
  });
  it('an event rewritten with a fresh link still breaks the next link', () => {
    const events = chain(4);
    const e = events[1]!;
    e.actor_id = 'someone-else';
    e.hash = linkHash(ring, e.prev_hash, e);
    expect(firstBrokenLink(ring, events)).toMatchObject({ seq: 3, reason: 'prev' });
  });
  it('issue 9: a chain recomputed without the audit key (plain SHA-256, or another key) fails', () => {
    const forged = chain(3).map((e) => ({ ...e }));
    let prev = GENESIS;
    for (const e of forged) {
      e.prev_hash = prev;
      e.hash = createHash('sha256').update(prev).update(JSON.stringify(e)).digest('hex');
      prev = e.hash;
    }
    expect(firstBrokenLink(ring, forged)).toMatchObject({ seq: 1, reason: 'hash' });
    expect(firstBrokenLink(ring, chain(3, newKeyring('aes-256-gcm', new Date())))).toMatchObject({ seq: 1, reason: 'hash' });
  });
  it('the 国密 suite keys the chain with HMAC-SM3', () => {
    const gm = newKeyring('sm4-ctr-hmac-sm3', new Date());
    expect(firstBrokenLink(gm, chain(3, gm))).toBeNull();
    expect(firstBrokenLink(ring, chain(3, gm))).toMatchObject({ reason: 'hash' });
  });
});

describe('issue 9: checkpoints of the heads, kept outside the database', () => {
  it('a signed checkpoint verifies, an altered one does not', () => {
    const cp = signCheckpoint(ring, '2026-11-23T09:00:00.000Z', [{ chain: 'rsj', seq: 3, hash: chain(3)[2]!.hash }]);
    expect(checkpointSigned(ring, cp)).toBe(true);
    expect(checkpointSigned(ring, { ...cp, heads: [{ chain: 'rsj', seq: 2, hash: chain(2)[1]!.hash }] })).toBe(false);
  });
  it('cutting off the newest events, even with the head row rewritten, breaks against the checkpoint', () => {
    const events = chain(5);
    const head = { chain: 'rsj', seq: 5, hash: events[4]!.hash };
    expect(checkpointBreak(head, events)).toBeNull();
    expect(checkpointBreak(head, events.slice(0, 4))).toMatchObject({ seq: 5, reason: 'checkpoint' });
  });
});

describe('issue 9: audit events keep which fields changed and keyed hashes, not values', () => {
  it('names the changed fields only, and no value appears', () => {
    const out = changedFields(ring, { title: 'a', body: '张三 13800138000' }, { title: 'a', body: '张三 13900139000' });
    expect(out.map((c) => c.field)).toEqual(['body']);
    // A keyed hash is hex and may hold "138" by chance; what must not appear is any value.
    expect(JSON.stringify(out)).not.toMatch(/13800138000|13900139000|张三/);
    expect(out[0]!.before).not.toBe(out[0]!.after);
  });
});
