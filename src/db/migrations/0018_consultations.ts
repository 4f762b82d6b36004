import type { Kysely } from 'kysely';

/** Drafts opened for comment and their comments (FIVE-1); key tasks, their progress and policy evaluations (FIVE-2, FIVE-5). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('normative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('how_to_comment', 'text', (c) => c.notNull())
    .addColumn('short_basis', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('feedback_summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opened_at', 'text')
    .addColumn('feedback_published_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consultations_agency').on('consultations').columns(['agency_id', 'state']).execute();

  await db.schema
    .createTable('consultation_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('phone_bidx', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('submission_token', 'text', (c) => c.notNull().unique())
    .addColumn('flags_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('adoption', 'text')
    .addColumn('reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('marked_by', 'text', (c) => c.references('users.id'))
    .addColumn('marked_at', 'text')
    .execute();
  await db.schema.createIndex('consultation_comments_consultation').on('consultation_comments').columns(['consultation_id', 'submitted_at']).execute();
  await db.schema.createIndex('consultation_comments_phone').on('consultation_comments').columns(['phone_bidx', 'submitted_at']).execute();

  await db.schema
    .createTable('consultation_settings')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('feedback_workdays', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('key_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('measures', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('units', 'text', (c) => c.notNull())
    .addColumn('published', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('key_tasks_agency').on('key_tasks').columns(['agency_id', 'year']).execute();

  await db.schema
    .createTable('key_task_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('key_tasks.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('key_task_progress_task').on('key_task_progress').columns(['task_id', 'on_date']).execute();

  await db.schema
    .createTable('policy_evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('policy_item_id', 'text', (c) => c.notNull().unique().references('items.id'))
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('report_item_id', 'text', (c) => c.references('items.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['policy_evaluations', 'key_task_progress', 'key_tasks', 'consultation_settings', 'consultation_comments', 'consultations']) await db.schema.dropTable(t).execute();
}
