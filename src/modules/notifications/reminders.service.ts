import { Value } from 'typebox/value';
import { isoNow, type Clock } from '../../core/clock.ts';
import { computeDeadline, type DeadlineSpec, type DeadlineView } from '../../core/deadline.ts';
import { badRequest } from '../../core/errors.ts';
import { newId } from '../../core/ids.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import type { DeadlineTable } from '../documents/documents.tables.ts';
import { enqueueJob } from '../jobs/jobs.runner.ts';
import { dutyLeaders } from './duty.service.ts';
import { resolveHolder, roleHolders } from './holders.ts';
import { DEFAULT_REMINDER_SETTINGS, ReminderSettingsSchema, reminderMessage, settingsProblem, stagesReached, stagesToSend, type ReminderSettings, type Stage } from './reminders.rules.ts';

/** The job kinds of this module (the runner's handlers are wired in jobs.setup.ts). */
export const DELIVER_JOB = 'notification.deliver';
export type DeliverPayload = { notificationId: string; channel: 'email' | 'sms' };

export async function reminderSettings(db: Tx, agencyId: string): Promise<ReminderSettings> {
  const row = await db.selectFrom('reminder_settings').select('settings_json').where('agency_id', '=', agencyId).executeTakeFirst();
  const merged = { ...DEFAULT_REMINDER_SETTINGS, ...(row ? JSON.parse(row.settings_json) : {}) };
  return Value.Check(ReminderSettingsSchema, merged) ? merged : DEFAULT_REMINDER_SETTINGS;
}

export async function updateReminderSettings(deps: { db: Db; clock: Clock }, actor: Actor, agencyId: string, settings: ReminderSettings): Promise<ReminderSettings> {
  const role = requireRoleIn(actor, ['office'], agencyId);
  const problem = settingsProblem(settings);
  if (problem) throw badRequest('REMINDER_SETTINGS_INVALID', problem);
  return deps.db.transaction().execute(async (tx) => {
    const before = await reminderSettings(tx, agencyId);
    const row = { settings_json: JSON.stringify(settings), updated_by: actor.userId, updated_at: isoNow(deps.clock) };
    await tx.insertInto('reminder_settings').values({ agency_id: agencyId, ...row }).onConflict((oc) => oc.column('agency_id').doUpdateSet(row)).execute();
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId, action: 'settings.reminders.update', entityType: 'settings', entityId: `reminders:${agencyId}`, before, after: settings });
    return settings;
  });
}

type Preference = { email: boolean; sms: boolean };
/** E-mail is on and SMS off until a person chooses otherwise. */
export const DEFAULT_PREFERENCE: Preference = { email: true, sms: false };

export async function preferencesOf(db: Tx, userIds: string[]): Promise<Map<string, Preference>> {
  const rows = userIds.length ? await db.selectFrom('notification_preferences').selectAll().where('user_id', 'in', userIds).execute() : [];
  const map = new Map(rows.map((r) => [r.user_id, { email: r.email === 1, sms: r.sms === 1 }]));
  for (const id of userIds) if (!map.has(id)) map.set(id, DEFAULT_PREFERENCE);
  return map;
}

/** Who a stage goes to: the holder for the clock itself, the unit's head, then the agency's leader. */
async function stageRecipients(tx: Tx, row: DeadlineTable, stage: Stage, holder: { unitId: string | null; userIds: string[] }): Promise<string[]> {
  const orOffice = async (ids: string[]) => (ids.length ? ids : roleHolders(tx, row.agency_id, 'office'));
  if (stage === 'unit') return orOffice(holder.unitId ? await roleHolders(tx, row.agency_id, 'dept_head', holder.unitId) : []);
  if (stage === 'leader') return orOffice(await roleHolders(tx, row.agency_id, 'leader'));
  return holder.userIds;
}

/**
 * Fires the stages a deadline newly reached, in one transaction: each stage's row is the
 * guard (a second sweep, here or in another process, inserts nothing and sends nothing).
 * Returns the number of notifications written.
 */
async function fireStages(db: Db, row: DeadlineTable, view: DeadlineView, fresh: Stage[], now: Date): Promise<number> {
  const send = stagesToSend(fresh);
  const urgent = view.term.unit === 'hours';
  return db.transaction().execute(async (tx) => {
    let written = 0;
    for (const stage of fresh) {
      const inserted = await tx.insertInto('reminder_stages').values({ deadline_id: row.id, stage, fired_at: now.toISOString(), notified: send.has(stage) ? 1 : 0 })
        .onConflict((oc) => oc.columns(['deadline_id', 'stage']).doNothing()).executeTakeFirst();
      if (!send.has(stage) || Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      const holder = await resolveHolder(tx, row.subject_type, row.subject_id, row.agency_id);
      const message = reminderMessage(stage, view, holder.title);
      // OP-7: an hour clock reaches the leader on duty at once, whatever channels they chose.
      const onDuty = urgent ? (await dutyLeaders(tx, row.agency_id, now)).map((d) => d.userId) : [];
      const recipients = [...new Set([...(await stageRecipients(tx, row, stage, holder)), ...onDuty])];
      const prefs = await preferencesOf(tx, recipients);
      for (const userId of recipients) {
        const id = newId();
        const res = await tx.insertInto('notifications').values({
          id, user_id: userId, agency_id: row.agency_id, kind: stage, urgent: urgent ? 1 : 0, title: message.title, body: message.body, link: holder.link,
          subject_type: row.subject_type, subject_id: row.subject_id, deadline_id: row.id, stage, created_at: now.toISOString(), read_at: null,
        }).onConflict((oc) => oc.columns(['deadline_id', 'stage', 'user_id']).doNothing()).executeTakeFirst();
        if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) continue;
        written += 1;
        const forced = onDuty.includes(userId);
        const pref = prefs.get(userId)!;
        // Hour clocks are mailed at once; day clocks wait for the morning digest.
        if (urgent && (pref.email || forced)) await enqueueJob(tx, now, { kind: DELIVER_JOB, payload: { notificationId: id, channel: 'email' }, key: `deliver:${id}:email` });
        if (pref.sms || forced) await enqueueJob(tx, now, { kind: DELIVER_JOB, payload: { notificationId: id, channel: 'sms' }, key: `deliver:${id}:sms` });
      }
    }
    return written;
  });
}

/**
 * The reminder sweep (scheduled every minute): reads every open deadline of every module and
 * fires the stages it reached since the last sweep. A clock that cannot be computed (a
 * malformed record) is skipped and reported, never stopping the others.
 */
export async function sweepDeadlines(db: Db, now: Date, log: (msg: string, err?: unknown) => void = () => {}): Promise<{ deadlines: number; notifications: number }> {
  const rows = await db.selectFrom('deadlines').selectAll().where('met_at', 'is', null).execute();
  if (!rows.length) return { deadlines: 0, notifications: 0 };
  const fired = await db.selectFrom('reminder_stages').innerJoin('deadlines', 'deadlines.id', 'reminder_stages.deadline_id').select(['reminder_stages.deadline_id', 'reminder_stages.stage']).where('deadlines.met_at', 'is', null).execute();
  const firedBy = new Map<string, Set<string>>();
  for (const f of fired) firedBy.set(f.deadline_id, (firedBy.get(f.deadline_id) ?? new Set()).add(f.stage));
  const cal = await loadCalendar(db);
  const settings = new Map<string, ReminderSettings>();
  let notifications = 0;
  for (const row of rows) {
    try {
      if (!settings.has(row.agency_id)) settings.set(row.agency_id, await reminderSettings(db, row.agency_id));
      const view = computeDeadline(cal, JSON.parse(row.spec_json) as DeadlineSpec, now.toISOString());
      const done = firedBy.get(row.id) ?? new Set();
      const fresh = stagesReached(cal, view, settings.get(row.agency_id)!, now).filter((s) => !done.has(s));
      if (fresh.length) notifications += await fireStages(db, row, view, fresh, now);
    } catch (err) {
      log(`deadline ${row.id} (${row.subject_type}) not swept`, err);
    }
  }
  return { deadlines: rows.length, notifications };
}
