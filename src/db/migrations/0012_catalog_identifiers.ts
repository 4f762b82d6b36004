import type { Kysely } from 'kysely';

/** CAT-4: a visitor who types an item's 索引号 or 文号 in full goes straight to it, by index, at any catalog size. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('catalog_index_number').on('catalog_entries').column('index_number').execute();
  await db.schema.createIndex('catalog_doc_number').on('catalog_entries').column('doc_number').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('catalog_doc_number').execute();
  await db.schema.dropIndex('catalog_index_number').execute();
}
