import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect.ts';
import { docNumberTokens, documentTokens, tsVector } from '../../modules/catalog/search.rules.ts';

const BATCH = 1_000;

/**
 * The search index holds each 文号 an entry carries or cites as one token (search.rules.ts
 * docNumberTokens), so a 文号 search asks for one token instead of its common phrases. Only
 * the entries with a 文号 in their text are indexed again, from their own rows as
 * writeCatalogEntries indexes them; the others' tokens are unchanged. One statement per batch.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  for (let after = 0; ; ) {
    const rows = await db.selectFrom('catalog_entries')
      .select(['seq', 'title', 'doc_number', 'summary', 'body_text', 'agency_id', 'category', 'year', 'kind'])
      .where('seq', '>', after).orderBy('seq').limit(BATCH).execute();
    if (rows.length === 0) break;
    after = Number(rows.at(-1)!.seq);
    const changed = rows
      .map((r) => ({ seq: Number(r.seq), title: r.title as string, body: [r.doc_number, r.summary, r.body_text].join('\n'), r }))
      .filter((e) => docNumberTokens(`${e.title}\n${e.body}`).length > 0)
      .map((e) => ({ seq: e.seq, tokens: documentTokens(e.title, e.body, { agencyId: e.r.agency_id, category: e.r.category, year: e.r.year, kind: e.r.kind }) }));
    if (changed.length === 0) continue;
    if (postgres) {
      await sql`update catalog_entries e set search_vector = cast(v.vector as tsvector)
        from unnest(${changed.map((c) => c.seq)}::bigint[], ${changed.map((c) => tsVector(c.tokens))}::text[]) as v(seq, vector)
        where e.seq = v.seq`.execute(db);
    } else {
      await sql`delete from catalog_fts where rowid in (${sql.join(changed.map((c) => c.seq))})`.execute(db);
      await sql`insert into catalog_fts (rowid, title, body) values ${sql.join(changed.map((c) => sql`(${c.seq}, ${c.tokens.title.join(' ')}, ${c.tokens.body.join(' ')})`))}`.execute(db);
    }
  }
  // Rows deleted and inserted again leave FTS5 many small segments: merged, a search reads one (as in 0022).
  if (!postgres) await sql`insert into catalog_fts (catalog_fts) values ('optimize')`.execute(db);
}

/** The 文号 tokens stay in the index: no query but a 文号 asks for them. */
export async function down(): Promise<void> {}
