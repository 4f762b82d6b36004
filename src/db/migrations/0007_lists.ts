import type { Kysely } from 'kysely';

/** The published lists of an agency: negative list (CAT-5), service catalog (FIVE-4), list of powers (FIVE-3). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('negative_list_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('reason_category', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('listed_on', 'text', (c) => c.notNull())
    .addColumn('reviewed_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('negative_list_entries_agency').on('negative_list_entries').column('agency_id').execute();

  await db.schema
    .createTable('service_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('duty_post', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('accepting_unit', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('eligibility', 'text', (c) => c.notNull())
    .addColumn('process', 'text', (c) => c.notNull())
    .addColumn('materials_json', 'text', (c) => c.notNull())
    .addColumn('forms_json', 'text', (c) => c.notNull())
    .addColumn('fee', 'text', (c) => c.notNull())
    .addColumn('fee_basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('time_limit', 'text', (c) => c.notNull())
    .addColumn('enquiries', 'text', (c) => c.notNull())
    .addColumn('complaints', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_items_agency').on('service_items').column('agency_id').execute();

  await db.schema
    .createTable('powers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('time_limit', 'text', (c) => c.notNull())
    .addColumn('oversight', 'text', (c) => c.notNull())
    .addColumn('steps_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('powers_agency_category').on('powers').columns(['agency_id', 'category']).execute();
  // Each public list page shows when its list last changed: the latest audit event of that kind
  // for the agency, found by one seek however long the agency's audit log grows.
  await db.schema.createIndex('audit_events_agency_entity_at').on('audit_events').columns(['agency_id', 'entity_type', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_agency_entity_at').execute();
  for (const t of ['powers', 'service_items', 'negative_list_entries']) await db.schema.dropTable(t).execute();
}
