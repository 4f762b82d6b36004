import type { Kysely } from 'kysely';

/** Public-opinion cases (OP-1 … OP-5): cases, their steps, responses, sightings, feeds and intake settings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('opinion_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('happened_at', 'text', (c) => c.notNull())
    .addColumn('found_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('analysis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('handling_plan', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('responsible_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('intake', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text')
    .addColumn('reported_to', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('feedback', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('opinion_cases_agency_no').on('opinion_cases').columns(['agency_id', 'case_no']).unique().execute();
  await db.schema.createIndex('opinion_cases_agency_happened').on('opinion_cases').columns(['agency_id', 'happened_at']).execute();

  await db.schema
    .createTable('opinion_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('opinion_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('data_json', 'text')
    .execute();
  await db.schema.createIndex('opinion_steps_case').on('opinion_steps').columns(['case_id', 'seq']).unique().execute();

  await db.schema
    .createTable('opinion_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('opinion_cases.id'))
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.references('items.id'))
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responded_at', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('opinion_responses_case').on('opinion_responses').column('case_id').execute();
  await db.schema.createIndex('opinion_responses_item').on('opinion_responses').column('item_id').execute();

  await db.schema
    .createTable('opinion_sightings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('opinion_cases.id'))
    .addColumn('intake', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('opinion_sightings_link').on('opinion_sightings').column('link').execute();
  await db.schema.createIndex('opinion_sightings_hash').on('opinion_sightings').column('content_hash').execute();

  await db.schema
    .createTable('opinion_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_polled_at', 'text')
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('opinion_settings')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('feed_hosts_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('webhook_secret', 'text')
    .addColumn('response_item_hours', 'integer', (c) => c.notNull().defaultTo(4))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('opinion_webhook_nonces')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('opinion_webhook_nonces_pk', ['agency_id', 'nonce'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['opinion_webhook_nonces', 'opinion_settings', 'opinion_feeds', 'opinion_sightings', 'opinion_responses', 'opinion_steps', 'opinion_cases']) await db.schema.dropTable(t).execute();
}
