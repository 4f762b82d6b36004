import type { Db } from '../db/database.ts';
import { auditGeneration } from '../modules/audit/audit.service.ts';

/**
 * How long a read of the audit generation is trusted. Writes through this process mark it
 * stale at once (any non-GET request, see page-cache.ts), so its own pages are never stale; a
 * write by another process (a second server on the same database, the CLI) shows within this time.
 */
export const GENERATION_TRUST_MS = 1000;

type Known = { generation: number; readAt: number };
type Kept = { generation: number; value: unknown };
/** `writes` counts the writes this process served: a read begun before one is not trusted after it. */
type Tracker = { known: Known | null; reading: Promise<number> | null; writes: number; kept: Map<string, Kept> };

/** One tracker per database: an app, its page cache and the values its pages share. */
const trackers = new WeakMap<Db, Tracker>();
const trackerOf = (db: Db): Tracker => {
  let t = trackers.get(db);
  if (!t) trackers.set(db, (t = { known: null, reading: null, writes: 0, kept: new Map() }));
  return t;
};

/**
 * The audit generation (auditGeneration) as this process last read it, read again once it is
 * a second old. Every change of what the portal shows commits with an audit event, so
 * anything read after the generation was read, and kept under it, is current while it holds.
 */
export async function portalGeneration(db: Db): Promise<number> {
  const t = trackerOf(db);
  const now = Date.now();
  if (t.known && now - t.known.readAt < GENERATION_TRUST_MS) return t.known.generation;
  // Concurrent requests after the second is up share one read.
  if (!t.reading) {
    const writes = t.writes;
    const reading = auditGeneration(db).then(
      (generation) => {
        if (t.writes === writes) t.known = { generation, readAt: now };
        if (t.reading === reading) t.reading = null;
        return generation;
      },
      (err: unknown) => {
        if (t.reading === reading) t.reading = null;
        throw err;
      },
    );
    t.reading = reading;
  }
  return t.reading;
}

/** A write request has committed through this process: the next read asks the database again. */
export function generationWritten(db: Db): void {
  const t = trackerOf(db);
  t.known = null;
  t.reading = null;
  t.writes++;
}

/**
 * A value every page of the portal shares (the site's name and settings, an agency, its filter
 * choices), read once per audit generation: the generation is read first, so a value kept
 * under it is never older than it, and a change shows on a fresh render as soon as it would
 * on the page cache, within a second on every process. `key` names the value; a load that
 * finds nothing (`undefined`) is not kept, so unknown keys do not fill the memory.
 */
export async function perGeneration<T>(db: Db, key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  const generation = await portalGeneration(db);
  const { kept } = trackerOf(db);
  const hit = kept.get(key);
  if (hit && hit.generation === generation) return hit.value as T;
  const value = await load();
  const now = kept.get(key);
  // A load begun under an older generation does not replace one kept under a newer.
  if (value !== undefined && (!now || now.generation <= generation)) kept.set(key, { generation, value });
  else if (value === undefined && now && now.generation < generation) kept.delete(key);
  return value;
}
