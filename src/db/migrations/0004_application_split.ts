import type { Kysely } from 'kysely';

/** APP-3: one matter per application; a case split by staff points to the one it came from. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('split_from', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').dropColumn('split_from').execute();
}
