import type { Kysely } from 'kysely';

/**
 * Letters in 公文 form (GB/T 9704-2012): each agency's letter template (发文字号 pattern, 落款,
 * contact line, the reconsideration body and court its remedies name), and the per-agency,
 * per-year counter that numbers its letters when they are issued.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('letter_templates')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('number_pattern', 'text', (c) => c.notNull())
    .addColumn('signature_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_person', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_phone', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('reconsideration_body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('court', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('date_style', 'text', (c) => c.notNull().defaultTo('chinese'))
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('letter_sequences')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('letter_sequences_pk', ['agency_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('letter_sequences').execute();
  await db.schema.dropTable('letter_templates').execute();
}
