import type { Kysely } from 'kysely';

/** Citizens' online messages (网民留言, OP-6): the messages, their steps, each agency's answer term. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('citizen_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('asker_name', 'text', (c) => c.notNull())
    .addColumn('asker_phone', 'text', (c) => c.notNull())
    .addColumn('asker_phone_bidx', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('submission_token', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('transfers_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('answer', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'text')
    .addColumn('refusal', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('refused_at', 'text')
    .addColumn('public_topic', 'text')
    .addColumn('public_content', 'text')
    .addColumn('public_answer', 'text')
    .addColumn('published_at', 'text')
    .addColumn('rating', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('citizen_messages_agency_state').on('citizen_messages').columns(['agency_id', 'state']).execute();
  await db.schema.createIndex('citizen_messages_phone').on('citizen_messages').columns(['asker_phone_bidx', 'received_at']).execute();

  await db.schema
    .createTable('citizen_message_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('citizen_messages.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('citizen_message_steps_message').on('citizen_message_steps').column('message_id').execute();

  await db.schema
    .createTable('message_settings')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('answer_workdays', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
