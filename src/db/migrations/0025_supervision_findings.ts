import type { Kysely } from 'kysely';
import { BUILT_IN_TEMPLATES } from '../../modules/supervision/supervision.rules.ts';

/**
 * An item's end date (有效期至), which the weekly self-check compares with its validity
 * (SUP-4), and the built-in templates' items pointing at the indicators added since 0021
 * (the 三同步 rate, the annual report on time). Only the figures shown beside an item change:
 * areas, items and points stay as they were, so assessments made with them keep their scores.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').addColumn('valid_until', 'text').execute();
  for (const t of BUILT_IN_TEMPLATES) await db.updateTable('sup_templates').set({ body_json: JSON.stringify(t.body) }).where('id', '=', t.id).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('items').dropColumn('valid_until').execute();
}
