import type { Kysely } from 'kysely';

/** Information items from draft to publication, their review record, files and deadlines. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('drafter_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('doc_kind', 'text')
    .addColumn('doc_number', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('date_made', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('attribute', 'text')
    .addColumn('attribute_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('non_public_parts', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('policy_level', 'text', (c) => c.notNull())
    .addColumn('interpretation_plan_json', 'text')
    .addColumn('leading_group_review', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('major', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('collective_decision', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('conclusion', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('change_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('channels_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('paper_copies', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('index_number', 'text', (c) => c.unique())
    .addColumn('public_body', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('items_agency_state').on('items').columns(['agency_id', 'state']).execute();
  await db.schema.createIndex('items_agency_published').on('items').columns(['agency_id', 'published_at']).execute();

  /** The timeline and written review record (SEC-13): who, in which role, did what, with what opinion. */
  await db.schema
    .createTable('item_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('data_json', 'text')
    .execute();
  await db.schema.createIndex('item_steps_item').on('item_steps').columns(['item_id', 'at']).execute();

  await db.schema
    .createTable('item_consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answer_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answered_at', 'text')
    .addColumn('override_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('extended_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('item_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('public_sha256', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('item_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .execute();

  await db.schema
    .createTable('item_redactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('phrase', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  /** What the public saw of each published version (PUB-3: a change is a new version with its reason). */
  await db.schema
    .createTable('item_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('snapshot_json', 'text', (c) => c.notNull())
    .addUniqueConstraint('item_versions_unique', ['item_id', 'version'])
    .execute();

  await db.schema
    .createTable('index_sequences')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_sequences_pk', ['agency_id', 'year'])
    .execute();

  /** ATTR-10, SEC-12, LAW-18: the yearly re-check of what is not public. */
  await db.schema
    .createTable('item_rechecks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  /** Every deadline with the rule that set it, its start, pauses and extension (DESIGN.md conventions). */
  await db.schema
    .createTable('deadlines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('spec_json', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('met_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deadlines_subject').on('deadlines').columns(['subject_type', 'subject_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['deadlines', 'item_rechecks', 'index_sequences', 'item_versions', 'item_redactions', 'item_findings', 'item_attachments', 'item_consultations', 'item_steps', 'items']) {
    await db.schema.dropTable(t).execute();
  }
}
