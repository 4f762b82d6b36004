import type { Kysely } from 'kysely';

/** CAT-3: the disclosure guide's free text, which each agency's office keeps current. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agencies').addColumn('guide_text', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('agencies').dropColumn('guide_text').execute();
}
