import { sql, type Kysely } from 'kysely';

/**
 * Applications checked against the 条例 case by case:
 * - LAW-31: the moment an application arrived is kept apart from its receipt (the day both
 *   sides confirmed it, for the internet, e-mail and fax), with the confirmation's record;
 * - LAW-35: the request for reasons and its outcome;
 * - provided files keep their number of pages, for the reply's list of them;
 * - APP-8: appeals by table 4's three kinds (a lawsuit recorded before is one filed directly);
 * - each agency's settings for applications (automatic confirmation, the extension's
 *   approver of LAW-33, the name of its own stricter rule on terms; the reconsideration body
 *   and court named in the letters belong to the letter template, migration 0013).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('arrived_at', 'text').execute();
  await sql`update applications set arrived_at = received_at`.execute(db);
  await db.schema.alterTable('applications').addColumn('receipt_json', 'text').execute();
  await db.schema.alterTable('applications').addColumn('reasons_json', 'text').execute();
  await db.schema.alterTable('application_files').addColumn('pages', 'integer').execute();
  await sql`update application_appeals set kind = 'lawsuit_direct' where kind = 'lawsuit'`.execute(db);
  await db.schema
    .createTable('application_settings')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('auto_confirm', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('extension_approver', 'text', (c) => c.notNull().defaultTo('office_head'))
    .addColumn('own_rule', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('application_settings').execute();
  await db.schema.alterTable('application_files').addColumn('pages', 'integer').execute();
  await sql`update application_appeals set kind = 'lawsuit' where kind <> 'reconsideration'`.execute(db);
  await db.schema.alterTable('application_files').dropColumn('pages').execute();
  for (const column of ['reasons_json', 'receipt_json', 'arrived_at']) await db.schema.alterTable('applications').dropColumn(column).execute();
}
