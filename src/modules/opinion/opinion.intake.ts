import { createHmac, timingSafeEqual } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { isoNow } from '../../core/clock.ts';
import { AppError, badRequest, notFound, unauthorized } from '../../core/errors.ts';
import { newId, newToken } from '../../core/ids.ts';
import type { Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor as Person } from '../auth/actor.ts';
import { normaliseLink, type Intake, type Source, type State } from './opinion.rules.ts';
import { addStep, audit } from './opinion.repo.ts';
import { contentHash, duplicateOf, insertCase, opinionSettings, type Deps } from './opinion.service.ts';

/**
 * Intake besides manual entry (OP-1): RSS/Atom feeds the agency lists, fetched only from the
 * hosts it lists, and a webhook monitoring services push to, signed with a shared secret.
 * A sighting already seen is ignored; one with the link or the text of a case is merged into it.
 */

export const FEED_LIMITS = { bytes: 1_000_000, timeoutMs: 10_000, entries: 100, redirects: 3 } as const;
/** The webhook's replay window: a timestamp further than this from now is refused, and so is a nonce seen within it. */
export const REPLAY_WINDOW_MS = 5 * 60_000;
export const SUMMARY_MAX = 5000;

export type Sighting = { title: string; link: string; summary: string; happenedAt: string | null; source: Source };
export type IntakeOutcome = 'created' | 'merged' | 'seen';

const stripHtml = (s: string) => s.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();

/** One sighting into the agency's cases: ignored when its link was seen, merged when a case has its link or text, else a new 一般 case for the lead to assess. */
export async function intakeSighting(tx: Tx, deps: Pick<Deps, 'clock'>, agencyId: string, s: Sighting, intake: Intake): Promise<IntakeOutcome> {
  const link = s.link ? normaliseLink(s.link) : '';
  const title = stripHtml(s.title).slice(0, 200) || stripHtml(s.summary).slice(0, 40);
  const summary = (stripHtml(s.summary) || title).slice(0, SUMMARY_MAX);
  if (!title) return 'seen';
  if (link && (await tx.selectFrom('opinion_sightings').innerJoin('opinion_cases', 'opinion_cases.id', 'opinion_sightings.case_id').select('opinion_sightings.id').where('opinion_cases.agency_id', '=', agencyId).where('opinion_sightings.link', '=', link).executeTakeFirst())) {
    return 'seen';
  }
  const hash = contentHash(title, summary);
  const now = isoNow(deps.clock);
  const dup = await duplicateOf(tx, agencyId, link, hash);
  if (dup) {
    await tx.insertInto('opinion_sightings').values({ id: newId(), case_id: dup.id, intake, link, content_hash: hash, seen_at: now }).execute();
    await addStep(tx, deps.clock, dup, { person: null, role: 'system' }, 'merge', dup.state as State, link || title, { intake, link });
    await audit(tx, deps.clock, null, null, dup, 'merge', { intake, link });
    return 'merged';
  }
  const happened = s.happenedAt && !Number.isNaN(Date.parse(s.happenedAt)) ? new Date(Math.min(Date.parse(s.happenedAt), Date.parse(now))).toISOString() : now;
  await insertCase(tx, deps.clock, null, agencyId, { title, source: s.source, link, happenedAt: happened, foundAt: now, summary, riskLevel: 'general' }, intake);
  return 'created';
}

// ---- settings ----

export async function getSettings(deps: Deps, person: Person) {
  requireRoleIn(person, ['opinion_lead'], person.agencyId);
  const s = await opinionSettings(deps.db, person.agencyId);
  return { feedHosts: s.feedHosts, responseItemHours: s.responseItemHours, webhookSecretSet: s.webhookSecret !== null };
}

const HOST = /^(?=.{1,253}$)[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/** The hosts feeds may come from, the response item's internal clock; `rotateSecret` issues a new webhook secret, shown once. */
export async function updateSettings(deps: Deps, person: Person, input: { feedHosts?: string[] | undefined; responseItemHours?: number | undefined; rotateSecret?: boolean | undefined }) {
  const role = requireRoleIn(person, ['opinion_lead'], person.agencyId);
  const hosts = input.feedHosts?.map((h) => h.trim().toLowerCase()).filter(Boolean);
  const bad = hosts?.find((h) => !HOST.test(h));
  if (bad) throw badRequest('FEED_HOST_INVALID', `“${bad}”不是有效的主机名（只写主机名，如 news.example.com）`);
  return deps.db.transaction().execute(async (tx) => {
    const before = await opinionSettings(tx, person.agencyId);
    const secret = input.rotateSecret ? newToken(32) : before.webhookSecret;
    const values = {
      feed_hosts_json: JSON.stringify(hosts ?? before.feedHosts), webhook_secret: secret, response_item_hours: input.responseItemHours ?? before.responseItemHours, updated_at: isoNow(deps.clock),
    };
    const exists = await tx.selectFrom('opinion_settings').select('agency_id').where('agency_id', '=', person.agencyId).executeTakeFirst();
    if (exists) await tx.updateTable('opinion_settings').set(values).where('agency_id', '=', person.agencyId).execute();
    else await tx.insertInto('opinion_settings').values({ agency_id: person.agencyId, ...values }).execute();
    await appendAudit(tx, deps.clock, {
      actor: auditActor(person, role), agencyId: person.agencyId, action: 'opinion_settings.update', entityType: 'opinion_settings', entityId: person.agencyId,
      after: { feedHosts: hosts ?? before.feedHosts, responseItemHours: values.response_item_hours, secretRotated: !!input.rotateSecret }, ip: person.ip,
    });
    return { feedHosts: hosts ?? before.feedHosts, responseItemHours: values.response_item_hours, webhookSecretSet: secret !== null, ...(input.rotateSecret ? { webhookSecret: secret } : {}) };
  });
}

// ---- feeds ----

const presentFeed = (f: { id: string; name: string; url: string; source: string; enabled: number; last_polled_at: string | null; last_error: string }) => ({
  id: f.id, name: f.name, url: f.url, source: f.source as Source, enabled: f.enabled === 1, lastPolledAt: f.last_polled_at, lastError: f.last_error,
});

export async function listFeeds(deps: Deps, person: Person) {
  requireRoleIn(person, ['opinion_lead'], person.agencyId);
  const rows = await deps.db.selectFrom('opinion_feeds').selectAll().where('agency_id', '=', person.agencyId).orderBy('created_at').execute();
  return { items: rows.map(presentFeed) };
}

function feedUrl(url: string, hosts: string[]): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw badRequest('FEED_URL_INVALID', '订阅源地址无效');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw badRequest('FEED_URL_INVALID', '订阅源地址须以 https:// 或 http:// 开头');
  if (u.username || u.password) throw badRequest('FEED_URL_INVALID', '订阅源地址不能含用户名或密码');
  if (!hosts.includes(u.hostname.toLowerCase())) throw badRequest('FEED_HOST_NOT_LISTED', `主机 ${u.hostname} 不在本机关允许抓取的主机名单中`);
  return u;
}

export async function createFeed(deps: Deps, person: Person, input: { name: string; url: string; source: Source }) {
  const role = requireRoleIn(person, ['opinion_lead'], person.agencyId);
  return deps.db.transaction().execute(async (tx) => {
    const { feedHosts } = await opinionSettings(tx, person.agencyId);
    const url = feedUrl(input.url.trim(), feedHosts).toString();
    const row = { id: newId(), agency_id: person.agencyId, name: input.name.trim(), url, source: input.source, enabled: 1, last_polled_at: null, last_error: '', created_at: isoNow(deps.clock) };
    await tx.insertInto('opinion_feeds').values(row).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(person, role), agencyId: person.agencyId, action: 'opinion_feed.create', entityType: 'opinion_feed', entityId: row.id, after: { name: row.name, url }, ip: person.ip });
    return presentFeed(row);
  });
}

export async function deleteFeed(deps: Deps, person: Person, id: string) {
  const role = requireRoleIn(person, ['opinion_lead'], person.agencyId);
  await deps.db.transaction().execute(async (tx) => {
    const row = await tx.selectFrom('opinion_feeds').selectAll().where('id', '=', id).where('agency_id', '=', person.agencyId).executeTakeFirst();
    if (!row) throw notFound('订阅源');
    await tx.deleteFrom('opinion_feeds').where('id', '=', id).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(person, role), agencyId: person.agencyId, action: 'opinion_feed.delete', entityType: 'opinion_feed', entityId: id, before: { name: row.name, url: row.url }, ip: person.ip });
  });
}

/**
 * Fetches a feed: only from a listed host, within the size and time limits, following a
 * redirect only to a listed host (at most a few). Anything else is an error kept on the feed.
 */
export async function fetchFeed(url: string, hosts: string[]): Promise<string> {
  let current = feedUrl(url, hosts);
  for (let hop = 0; hop <= FEED_LIMITS.redirects; hop++) {
    const res = await fetch(current, { redirect: 'manual', signal: AbortSignal.timeout(FEED_LIMITS.timeoutMs), headers: { accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml' } });
    if (res.status >= 300 && res.status < 400) {
      const location = res.headers.get('location');
      await res.body?.cancel();
      if (!location) throw new Error(`重定向没有目标地址（HTTP ${res.status}）`);
      current = feedUrl(new URL(location, current).toString(), hosts);
      continue;
    }
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    if (Number(res.headers.get('content-length') ?? 0) > FEED_LIMITS.bytes) throw new Error('订阅源超过大小限制');
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > FEED_LIMITS.bytes) {
        await reader.cancel();
        throw new Error('订阅源超过大小限制');
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  throw new Error('重定向次数过多');
}

const textOf = (v: unknown): string => {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (typeof v === 'object' && '#text' in (v as object)) return String((v as Record<string, unknown>)['#text']);
  return '';
};
const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The entries of an RSS 2.0 or Atom document (at most FEED_LIMITS.entries); the five XML entities and HTML's named ones are read, declared ones never. */
export function parseFeed(xml: string, source: Source): Sighting[] {
  // A feed needs no document type: refusing one refuses entity-expansion bombs before parsing.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new Error('订阅源含有文档类型声明，已拒绝');
  const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', processEntities: true, htmlEntities: true }).parse(xml) as Record<string, any>;
  if (doc.rss?.channel) {
    return asArray(doc.rss.channel.item).slice(0, FEED_LIMITS.entries).map((i: Record<string, unknown>) => ({
      title: textOf(i.title), link: textOf(i.link) || textOf(i.guid), summary: textOf(i.description), happenedAt: textOf(i.pubDate) ? new Date(textOf(i.pubDate)).toISOString() : null, source,
    }));
  }
  if (doc.feed) {
    return asArray(doc.feed.entry).slice(0, FEED_LIMITS.entries).map((e: Record<string, any>) => {
      const links = asArray(e.link) as Record<string, string>[];
      const link = links.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate')?.['@_href'] ?? textOf(e.id);
      const when = textOf(e.published) || textOf(e.updated);
      return { title: textOf(e.title), link, summary: textOf(e.summary) || textOf(e.content), happenedAt: when ? new Date(when).toISOString() : null, source };
    });
  }
  throw new Error('不是 RSS 或 Atom 订阅源');
}

export type PollResult = { feeds: number; created: number; merged: number; seen: number; errors: { feed: string; error: string }[] };

/**
 * Polls every enabled feed (of one agency when `agencyId` is given): a plain function the
 * scheduled-job facility calls periodically, and the console's 立即抓取 calls at once.
 */
export async function pollOpinionFeeds(deps: Pick<Deps, 'db' | 'clock'>, now: Date, agencyId?: string): Promise<PollResult> {
  let q = deps.db.selectFrom('opinion_feeds').selectAll().where('enabled', '=', 1);
  if (agencyId) q = q.where('agency_id', '=', agencyId);
  const feeds = await q.orderBy('created_at').execute();
  const result: PollResult = { feeds: feeds.length, created: 0, merged: 0, seen: 0, errors: [] };
  const at = now.toISOString();
  for (const feed of feeds) {
    let error = '';
    try {
      const { feedHosts } = await opinionSettings(deps.db, feed.agency_id);
      const entries = parseFeed(await fetchFeed(feed.url, feedHosts), feed.source as Source);
      for (const entry of entries) {
        const outcome = await deps.db.transaction().execute((tx) => intakeSighting(tx, deps, feed.agency_id, entry, 'feed'));
        result[outcome] += 1;
      }
    } catch (e) {
      error = e instanceof AppError || e instanceof Error ? e.message : String(e);
      result.errors.push({ feed: feed.name, error });
    }
    await deps.db.updateTable('opinion_feeds').set({ last_polled_at: at, last_error: error.slice(0, 500) }).where('id', '=', feed.id).execute();
  }
  return result;
}

// ---- the webhook ----

export type WebhookPayload = { items: { title: string; link?: string; summary: string; happenedAt?: string; source: Source }[] };

/** The signature a monitoring service sends: hex HMAC-SHA256 over `timestamp.nonce.body` with the agency's secret. */
export const webhookSignature = (secret: string, timestamp: string, nonce: string, body: string) => createHmac('sha256', secret).update(`${timestamp}.${nonce}.${body}`).digest('hex');

/**
 * A monitoring service's push: the signature must match, the timestamp lie within the replay
 * window, and the nonce be new within it; then each item is taken in like a feed entry.
 */
export async function receiveWebhook(deps: Deps, agencyCode: string, headers: { timestamp?: string | undefined; nonce?: string | undefined; signature?: string | undefined }, body: string, check: (payload: unknown) => void) {
  const agency = await deps.db.selectFrom('agencies').select('id').where('code', '=', agencyCode).executeTakeFirst();
  const secret = agency ? (await opinionSettings(deps.db, agency.id)).webhookSecret : null;
  if (!agency || !secret) throw unauthorized('WEBHOOK_SIGNATURE_INVALID', '签名无效');
  const { timestamp = '', nonce = '', signature = '' } = headers;
  const expected = Buffer.from(webhookSignature(secret, timestamp, nonce, body), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/i.test(signature) ? signature : '', 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthorized('WEBHOOK_SIGNATURE_INVALID', '签名无效');
  const now = deps.clock().getTime();
  const sentAt = Number(timestamp) * 1000;
  if (!/^\d{9,11}$/.test(timestamp) || Math.abs(now - sentAt) > REPLAY_WINDOW_MS) throw unauthorized('WEBHOOK_STALE', '请求时间超出允许范围（5分钟）');
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(nonce)) throw badRequest('WEBHOOK_NONCE_INVALID', '随机数格式无效（16–128 位字母、数字、- 或 _）');
  let payload: WebhookPayload;
  try {
    payload = JSON.parse(body) as WebhookPayload;
  } catch {
    throw badRequest('WEBHOOK_BODY_INVALID', '请求体不是有效的 JSON');
  }
  check(payload);
  return deps.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('opinion_webhook_nonces').where('at', '<', new Date(now - REPLAY_WINDOW_MS).toISOString()).execute();
    // One statement claims the nonce, so two copies of a request sent at once cannot both pass.
    const claimed = await tx.insertInto('opinion_webhook_nonces').values({ agency_id: agency.id, nonce, at: new Date(now).toISOString() })
      .onConflict((oc) => oc.columns(['agency_id', 'nonce']).doNothing()).executeTakeFirst();
    if (!Number(claimed.numInsertedOrUpdatedRows ?? 0)) throw new AppError('WEBHOOK_REPLAY', 409, '该请求已处理过（随机数重复）');
    const out = { created: 0, merged: 0, seen: 0 };
    for (const item of payload.items) {
      out[await intakeSighting(tx, deps, agency.id, { title: item.title, link: item.link ?? '', summary: item.summary, happenedAt: item.happenedAt ?? null, source: item.source }, 'webhook')] += 1;
    }
    return out;
  });
}
