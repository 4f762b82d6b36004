import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { dialectOf } from '../../db/dialect.ts';
import type { PublishedSnapshot } from '../documents/documents.tables.ts';
import type { Validity } from '../documents/documents.rules.ts';
import { facetDeltas, FACET_FILTERS, type FacetEntry } from './catalog.facets.rules.ts';
import { documentTokens, tsVector } from './search.tokens.ts';

/** What the catalog needs of one published item: its row's place and validity, and the snapshot the public sees. */
export type PublishedEntry = { itemId: string; agencyId: string; unitId: string; validity: Validity; snapshot: PublishedSnapshot };

/** Rows per multi-row insert: under SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
export const rowsPerStatement = (columns: number) => Math.floor(30_000 / columns);

/**
 * The one writer of the catalog and its search index (CAT-1, CAT-4): puts each item's latest
 * published version in, replacing its earlier entry, so the catalog shows each item once, as
 * last published. Publication calls it with one item, `gongkai import` with thousands at a
 * time (multi-row inserts); a restore rebuilds the catalog with it, since the catalog is
 * derived from the versions and not backed up.
 */
export async function writeCatalogEntries(tx: Tx, entries: PublishedEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const postgres = dialectOf(tx) === 'postgres';
  const earlier = await tx.selectFrom('catalog_entries').select(['seq', ...FACET_COLUMNS]).where('item_id', 'in', entries.map((e) => e.itemId)).execute();
  if (earlier.length) {
    const seqs = earlier.map((e) => e.seq);
    if (!postgres) await sql`delete from catalog_fts where rowid in (${sql.join(seqs)})`.execute(tx);
    await tx.deleteFrom('catalog_entries').where('seq', 'in', seqs).execute();
  }
  const prepared = entries.map(({ itemId, agencyId, unitId, validity, snapshot: s }) => {
    const bodyText = [s.body, ...s.attachments.map((a) => a.text)].join('\n');
    // 发文字号 and 摘要 are found too (a visitor types a document number), though snippets come from the body.
    const tokens = documentTokens(s.title, [s.docNumber, s.summary, bodyText].join('\n'));
    const row = {
      item_id: itemId, agency_id: agencyId, unit_id: unitId, version: s.version, index_number: s.indexNumber, title: s.title,
      doc_number: s.docNumber, summary: s.summary, category: s.category, kind: s.kind === 'other' ? 'other' as const : (s.docKind ?? 'other'),
      date_made: s.dateMade, year: s.dateMade.slice(0, 4), validity, published_at: s.publishedAt, body_text: bodyText,
      ...(postgres ? { search_vector: sql<string>`cast(${tsVector(tokens)} as tsvector)` } : {}),
    };
    return { row, tokens };
  });
  const chunk = rowsPerStatement(16);
  for (let i = 0; i < prepared.length; i += chunk) {
    const part = prepared.slice(i, i + chunk);
    const inserted = await tx.insertInto('catalog_entries').values(part.map((p) => p.row)).returning(['seq', 'item_id']).execute();
    if (postgres) continue;
    const seqOf = new Map(inserted.map((r) => [r.item_id, r.seq]));
    const fts = part.map((p) => sql`(${seqOf.get(p.row.item_id)!}, ${p.tokens.title.join(' ')}, ${p.tokens.body.join(' ')})`);
    await sql`insert into catalog_fts (rowid, title, body) values ${sql.join(fts)}`.execute(tx);
  }
  await countFacets(tx, earlier, prepared.map((p) => p.row));
}

/** The entry columns the facet counts are kept by. */
export const FACET_COLUMNS = ['agency_id', 'category', ...FACET_FILTERS] as const;
const FACET_KEY = ['agency_id', ...FACET_FILTERS, 'category'] as const;

/**
 * Keeps the facet counts (PUB-2, `catalog_facets`) in step with entries leaving and entering
 * the catalog, in the caller's transaction: one multi-row upsert of the summed changes, then
 * the rows that fell to zero are dropped, so the table holds exactly what a recount would.
 */
export async function countFacets(tx: Tx, removed: readonly FacetEntry[], added: readonly FacetEntry[]): Promise<void> {
  const deltas = facetDeltas(removed, added);
  const chunk = rowsPerStatement(FACET_KEY.length + 1);
  for (let i = 0; i < deltas.length; i += chunk) {
    const part = deltas.slice(i, i + chunk);
    await tx.insertInto('catalog_facets').values(part)
      .onConflict((oc) => oc.columns([...FACET_KEY]).doUpdateSet({ n: (eb) => eb('catalog_facets.n', '+', eb.ref('excluded.n')) }))
      .execute();
    const fell = part.filter((d) => d.n < 0);
    if (fell.length) {
      await tx.deleteFrom('catalog_facets').where('n', '=', 0)
        .where(sql<boolean>`(${sql.join(FACET_KEY.map((k) => sql.ref(k)))}) in (${sql.join(fell.map((d) => sql`(${sql.join(FACET_KEY.map((k) => d[k]))})`))})`)
        .execute();
    }
  }
}

/** Publication's call: one item's latest published version, read back from its rows. */
export async function indexPublishedItem(tx: Tx, itemId: string): Promise<void> {
  const item = await tx.selectFrom('items').select(['agency_id', 'unit_id', 'validity']).where('id', '=', itemId).executeTakeFirstOrThrow();
  const latest = await tx.selectFrom('item_versions').select('snapshot_json').where('item_id', '=', itemId).orderBy('version', 'desc').executeTakeFirstOrThrow();
  await writeCatalogEntries(tx, [{ itemId, agencyId: item.agency_id, unitId: item.unit_id, validity: item.validity, snapshot: JSON.parse(latest.snapshot_json) as PublishedSnapshot }]);
}

/** Rebuilds the whole catalog from the published versions (after a restore). */
export async function rebuildCatalog(tx: Tx): Promise<number> {
  const published = await tx.selectFrom('items').select('id').where('published_at', 'is not', null).orderBy('published_at').execute();
  for (const { id } of published) await indexPublishedItem(tx, id);
  return published.length;
}
