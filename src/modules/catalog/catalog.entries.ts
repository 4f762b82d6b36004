import { sql } from 'kysely';
import type { Tx } from '../../db/database.ts';
import { dialectOf } from '../../db/dialect.ts';
import type { PublishedSnapshot } from '../documents/documents.tables.ts';
import { documentTokens, tsVector } from './search.tokens.ts';

/**
 * Puts an item's latest published version into the catalog and its search index, replacing
 * its earlier entry: the catalog shows each item once, as last published. Publication calls
 * this; so does a restore, since the catalog is derived from the versions and not backed up.
 */
export async function indexPublishedItem(tx: Tx, itemId: string): Promise<void> {
  const postgres = dialectOf(tx) === 'postgres';
  const item = await tx.selectFrom('items').select(['agency_id', 'unit_id', 'validity']).where('id', '=', itemId).executeTakeFirstOrThrow();
  const latest = await tx.selectFrom('item_versions').select('snapshot_json').where('item_id', '=', itemId).orderBy('version', 'desc').executeTakeFirstOrThrow();
  const s = JSON.parse(latest.snapshot_json) as PublishedSnapshot;
  const earlier = await tx.selectFrom('catalog_entries').select('seq').where('item_id', '=', itemId).executeTakeFirst();
  if (earlier) {
    if (!postgres) await sql`delete from catalog_fts where rowid = ${earlier.seq}`.execute(tx);
    await tx.deleteFrom('catalog_entries').where('seq', '=', earlier.seq).execute();
  }
  const bodyText = [s.body, ...s.attachments.map((a) => a.text)].join('\n');
  // 发文字号 and 摘要 are found too (a visitor types a document number), though snippets come from the body.
  const tokens = documentTokens(s.title, [s.docNumber, s.summary, bodyText].join('\n'));
  const { seq } = await tx
    .insertInto('catalog_entries')
    .values({
      item_id: itemId, agency_id: item.agency_id, unit_id: item.unit_id, version: s.version, index_number: s.indexNumber, title: s.title,
      doc_number: s.docNumber, summary: s.summary, category: s.category, kind: s.kind === 'other' ? 'other' : (s.docKind ?? 'other'),
      date_made: s.dateMade, year: s.dateMade.slice(0, 4), validity: item.validity, published_at: s.publishedAt, body_text: bodyText,
      ...(postgres ? { search_vector: sql<string>`cast(${tsVector(tokens)} as tsvector)` } : {}),
    })
    .returning('seq')
    .executeTakeFirstOrThrow();
  if (!postgres) await sql`insert into catalog_fts (rowid, title, body) values (${seq}, ${tokens.title.join(' ')}, ${tokens.body.join(' ')})`.execute(tx);
}

/** Rebuilds the whole catalog from the published versions (after a restore). */
export async function rebuildCatalog(tx: Tx): Promise<number> {
  const published = await tx.selectFrom('items').select('id').where('published_at', 'is not', null).orderBy('published_at').execute();
  for (const { id } of published) await indexPublishedItem(tx, id);
  return published.length;
}
