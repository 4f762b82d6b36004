import type { Kysely } from 'kysely';

/**
 * Policy interpretation (政策解读, INT-1 … INT-9): the interpretation is an item of category
 * 政策解读; this adds its form and checklist, its links to the policies it explains, the
 * re-issue it may follow, and each agency's stricter figure for the 10-working-day clock.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('interpretations')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('items.id'))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('checklist_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('reissue_of', 'text', (c) => c.references('items.id'))
    .addColumn('reissue_reason', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  await db.schema
    .createTable('interpretation_links')
    .addColumn('interpretation_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('policy_id', 'text', (c) => c.notNull().references('items.id'))
    .addPrimaryKeyConstraint('interpretation_links_pk', ['interpretation_id', 'policy_id'])
    .execute();
  await db.schema.createIndex('interpretation_links_policy').on('interpretation_links').column('policy_id').execute();

  await db.schema
    .createTable('interpretation_settings')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('interpretation_settings').execute();
  await db.schema.dropTable('interpretation_links').execute();
  await db.schema.dropTable('interpretations').execute();
}
