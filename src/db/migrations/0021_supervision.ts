import type { Kysely } from 'kysely';
import { BUILT_IN_TEMPLATES } from '../../modules/supervision/supervision.rules.ts';

/** Supervision (SUP-1…SUP-6): templates and assessments, weekly self-checks, and the indexes the dashboard aggregates on. */
export async function up(db: Kysely<any>): Promise<void> {
  // The dashboard's open clocks by agency and kind, and its on-time rates by due date (SUP-1).
  await db.schema.createIndex('deadlines_open').on('deadlines').columns(['met_at', 'agency_id', 'subject_type', 'due_at']).execute();
  await db.schema.createIndex('deadlines_agency_due').on('deadlines').columns(['agency_id', 'due_at', 'met_at']).execute();
  await db.schema.createIndex('audit_events_entity').on('audit_events').columns(['entity_type', 'entity_id', 'at']).execute();

  await db.schema
    .createTable('sup_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('year', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sup_templates_agency').on('sup_templates').columns(['agency_id', 'year', 'family', 'version']).execute();
  const now = '2026-01-01T00:00:00.000Z';
  await db.insertInto('sup_templates')
    .values(BUILT_IN_TEMPLATES.map((t) => ({ id: t.id, agency_id: null, family: t.family, year: null, version: 1, name: t.name, body_json: JSON.stringify(t.body), created_by: null, created_at: now })))
    .execute();

  await db.schema
    .createTable('sup_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('assessor_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('template_id', 'text', (c) => c.notNull().references('sup_templates.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('scores_json', 'text', (c) => c.notNull())
    .addColumn('indicators_json', 'text', (c) => c.notNull())
    .addColumn('total', 'real')
    .addColumn('grade', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('signed_by', 'text')
    .addColumn('signed_by_name', 'text')
    .addColumn('signed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sup_assessments_year').on('sup_assessments').columns(['year', 'agency_id']).execute();

  await db.schema
    .createTable('sup_self_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.notNull())
    .addColumn('completed_by', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sup_self_checks_unit_week', ['unit_id', 'week'])
    .execute();
  await db.schema.createIndex('sup_self_checks_week').on('sup_self_checks').columns(['week', 'agency_id']).execute();

  await db.schema
    .createTable('sup_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('check_id', 'text', (c) => c.notNull().references('sup_self_checks.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sup_findings_check').on('sup_findings').column('check_id').execute();
}
