import type { Kysely } from 'kysely';

/**
 * Release coordination (发布协调, COORD-1): one row per written request from one agency to
 * another about one subject (an information item now; opinion responses later), with the
 * answer, the city office's decision and the 发文字号 of the two letters. The answer's clock is
 * a stored deadline (subject type `coordination_request`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coordination_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('subject_title', 'text', (c) => c.notNull())
    .addColumn('requesting_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('answering_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('matter', 'text', (c) => c.notNull())
    .addColumn('our_wording', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('sent_by_name', 'text', (c) => c.notNull())
    .addColumn('letter_number', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('proposed_wording', 'text')
    .addColumn('answer_opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answered_at', 'text')
    .addColumn('answered_by_name', 'text')
    .addColumn('answer_letter_number', 'text')
    .addColumn('requester_opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decision', 'text')
    .addColumn('decision_opinion', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('decided_at', 'text')
    .addColumn('decided_by_name', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coordination_requests_subject').on('coordination_requests').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('coordination_requests_requesting').on('coordination_requests').columns(['requesting_agency_id', 'state']).execute();
  await db.schema.createIndex('coordination_requests_answering').on('coordination_requests').columns(['answering_agency_id', 'state']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('coordination_requests').execute();
}
