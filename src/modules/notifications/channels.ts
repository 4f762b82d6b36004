import { createHmac } from 'node:crypto';
import nodemailer from 'nodemailer';
import { Type, type Static } from 'typebox';
import { chinaDateTimeOf, isoNow, type Clock } from '../../core/clock.ts';
import { AppError, badRequest } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, type Actor } from '../auth/actor.ts';
import { requireCityRole } from '../org/city.ts';
import type { JobContext } from '../jobs/jobs.runner.ts';
import { DEFAULT_PREFERENCE, type DeliverPayload } from './reminders.service.ts';

/**
 * The channels besides the console (issue 12): e-mail over SMTP (nodemailer) and an SMS
 * gateway reached by a signed webhook. The settings are the deployment's, kept by the city's
 * system administrator; the SMTP password and the gateway's shared secret are sealed at rest
 * and never returned. A message names the subject and links to the console: never a
 * citizen's personal data.
 */

export const MailSettingsSchema = Type.Object(
  {
    host: Type.String({ minLength: 1, maxLength: 255 }),
    port: Type.Integer({ minimum: 1, maximum: 65535 }),
    /** `tls`: TLS from the start (465); `starttls`: upgrade required (587); `none`: plain (a relay on the same host). */
    security: Type.Union([Type.Literal('tls'), Type.Literal('starttls'), Type.Literal('none')]),
    sender: Type.String({ format: 'email', maxLength: 255 }),
    senderName: Type.String({ maxLength: 100 }),
    user: Type.String({ maxLength: 255 }),
    /** The console's address, so a mail can link to the subject (e.g. https://gk.example.gov.cn). */
    consoleUrl: Type.String({ maxLength: 255 }),
  },
  { additionalProperties: false },
);
export type MailSettings = Static<typeof MailSettingsSchema>;

export const SmsSettingsSchema = Type.Object({ url: Type.String({ format: 'uri', maxLength: 500 }) }, { additionalProperties: false });
export type SmsSettings = Static<typeof SmsSettingsSchema>;

type Stored<T> = { config: T; secret: string };

async function stored<T>(db: Tx, channel: 'mail' | 'sms'): Promise<Stored<T> | undefined> {
  const row = await db.selectFrom('channel_settings').select(['config_json', 'secret']).where('id', '=', channel).executeTakeFirst();
  return row && { config: JSON.parse(row.config_json) as T, secret: row.secret };
}

/** What the console shows: the settings and whether a password (or secret) is stored, never the value. */
export async function channelSettingsView<T>(db: Tx, channel: 'mail' | 'sms'): Promise<{ configured: boolean; settings: T | null; secretSet: boolean }> {
  const s = await stored<T>(db, channel);
  return { configured: !!s, settings: s?.config ?? null, secretSet: !!s?.secret };
}

/** Saves a channel's settings; a blank secret keeps the stored one (the form never holds it). */
export async function saveChannelSettings<T>(deps: { db: Db; clock: Clock }, actor: Actor, channel: 'mail' | 'sms', config: T, secret: string | undefined) {
  const { agencyId, role } = await requireCityRole(deps.db, actor, 'sys_admin');
  return deps.db.transaction().execute(async (tx) => {
    const before = await stored<T>(tx, channel);
    const row = { config_json: JSON.stringify(config), secret: secret || before?.secret || '', updated_by: actor.userId, updated_at: isoNow(deps.clock) };
    await tx.insertInto('channel_settings').values({ id: channel, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
    await appendAudit(tx, deps.clock, {
      actor: auditActor(actor, role), agencyId, action: `settings.${channel}.update`, entityType: 'settings', entityId: channel,
      before: before?.config ?? null, after: { ...config, secretChanged: !!secret },
    });
    return channelSettingsView<T>(tx, channel);
  });
}

export type Mail = { to: string; subject: string; text: string; messageId: string };

export async function sendMail(db: Tx, mail: Mail): Promise<void> {
  const s = await stored<MailSettings>(db, 'mail');
  if (!s) throw badRequest('MAIL_NOT_CONFIGURED', '尚未设置邮件服务器');
  const { host, port, security, sender, senderName, user } = s.config;
  const transport = nodemailer.createTransport({
    host, port, secure: security === 'tls', requireTLS: security === 'starttls', ignoreTLS: security === 'none',
    ...(user ? { auth: { user, pass: s.secret } } : {}),
    connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000,
  });
  try {
    await transport.sendMail({ from: { name: senderName || '政务公开管理平台', address: sender }, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
  } finally {
    transport.close();
  }
}

/** The console test button: one mail to the administrator's own address. */
export async function sendTestMail(deps: { db: Db; clock: Clock }, actor: Actor): Promise<{ to: string }> {
  const { agencyId, role } = await requireCityRole(deps.db, actor, 'sys_admin');
  const user = await deps.db.selectFrom('users').select('email').where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!user.email) throw badRequest('MAIL_NO_ADDRESS', '您的账号没有登记电子邮箱，请先在个人中心填写');
  try {
    await sendMail(deps.db, { to: user.email, subject: '政务公开管理平台测试邮件', text: `这是一封测试邮件，发送于${chinaDateTimeOf(deps.clock())}（北京时间）。收到即说明邮件服务器设置正确。`, messageId: `<test-${Date.now()}@gongkai>` });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw badRequest('MAIL_SEND_FAILED', `测试邮件发送失败：${err instanceof Error ? err.message : String(err)}`);
  }
  await deps.db.transaction().execute((tx) => appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId, action: 'settings.mail.test', entityType: 'settings', entityId: 'mail' }));
  return { to: user.email };
}

/** The signature the gateway checks: HMAC-SHA256 over `timestamp.body` with the shared secret, hex. */
export const smsSignature = (secret: string, timestamp: string, body: string): string => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export async function sendSms(db: Tx, to: string, text: string, messageId: string, now: Date): Promise<void> {
  const s = await stored<SmsSettings>(db, 'sms');
  if (!s) throw badRequest('SMS_NOT_CONFIGURED', '尚未设置短信网关');
  const body = JSON.stringify({ to, text, messageId });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const res = await fetch(s.config.url, {
    method: 'POST', body, signal: AbortSignal.timeout(15_000),
    headers: { 'content-type': 'application/json', 'x-gongkai-timestamp': timestamp, 'x-gongkai-signature': smsSignature(s.secret, timestamp, body) },
  });
  if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
}

const link = (consoleUrl: string | undefined, path: string | null) => (path && consoleUrl ? `${consoleUrl.replace(/\/$/, '')}/admin${path}` : '');

async function recordDelivery(db: Tx, notificationId: string, channel: string, messageId: string, now: Date) {
  await db.insertInto('deliveries').values({ notification_id: notificationId, channel, sent_at: now.toISOString(), message_id: messageId }).onConflict((oc) => oc.columns(['notification_id', 'channel']).doNothing()).execute();
}

/**
 * Test hook (`GONGKAI_TEST_HOLD_DELIVERY=1`): a delivery waits here, before sending, so a test
 * can kill the server while the job runs and see it run once after the restart.
 */
const holdForTest = () => (process.env.GONGKAI_TEST_HOLD_DELIVERY === '1' ? new Promise<never>(() => {}) : Promise.resolve());

/** Sends one notification on one channel, once: a delivery already recorded is not sent again. */
export async function deliverNotification(payload: DeliverPayload, ctx: JobContext): Promise<void> {
  const { db, now } = ctx;
  const n = await db.selectFrom('notifications').innerJoin('users', 'users.id', 'notifications.user_id')
    .select(['notifications.id', 'notifications.user_id', 'notifications.title', 'notifications.body', 'notifications.link', 'notifications.created_at', 'users.email', 'users.phone', 'users.status'])
    .where('notifications.id', '=', payload.notificationId).executeTakeFirst();
  if (!n || n.status !== 'active') return;
  const done = await db.selectFrom('deliveries').select('sent_at').where('notification_id', '=', n.id).where('channel', '=', payload.channel).executeTakeFirst();
  if (done) return;
  await holdForTest();
  const messageId = `<${n.id}.${payload.channel}@gongkai>`;
  if (payload.channel === 'email') {
    const mail = await stored<MailSettings>(db, 'mail');
    if (!mail || !n.email) return;
    const url = link(mail.config.consoleUrl, n.link);
    const text = [n.body, '', `时间：${chinaDateTimeOf(n.created_at)}（北京时间）`, ...(url ? [`办理：${url}`] : []), '', '此邮件由政务公开管理平台自动发送，请勿回复。'].join('\n');
    await sendMail(db, { to: n.email, subject: n.title, text, messageId });
  } else {
    // OP-7: a leader on duty is reached at the number the roster gives for that shift.
    const shift = await db.selectFrom('duty_shifts').select('phone').where('user_id', '=', n.user_id).where('starts_at', '<=', n.created_at).where('ends_at', '>', n.created_at).executeTakeFirst();
    const phone = shift?.phone || n.phone;
    if (!(await stored(db, 'sms')) || !phone) return;
    await sendSms(db, phone, n.title, messageId, now);
  }
  await recordDelivery(db, n.id, payload.channel, messageId, now);
}

export const DIGEST_JOB = 'notification.digest';

/**
 * The daily digest: each person who chose e-mail gets one mail listing the day clocks'
 * notifications not yet mailed (hour clocks were mailed at once).
 */
export async function sendDigests(_payload: unknown, ctx: JobContext): Promise<void> {
  const { db, now } = ctx;
  const mail = await stored<MailSettings>(db, 'mail');
  if (!mail) return;
  const pending = await db.selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .leftJoin('deliveries', (j) => j.onRef('deliveries.notification_id', '=', 'notifications.id').on('deliveries.channel', '=', 'email'))
    .leftJoin('notification_preferences', 'notification_preferences.user_id', 'notifications.user_id')
    .select(['notifications.id', 'notifications.user_id', 'notifications.title', 'notifications.link', 'users.email', 'notification_preferences.email as pref'])
    .where('deliveries.notification_id', 'is', null)
    .where('notifications.urgent', '=', 0)
    .where('notifications.created_at', '<=', now.toISOString())
    .where('users.status', '=', 'active')
    .where('users.email', '!=', '')
    .orderBy('notifications.created_at')
    .execute();
  const byUser = new Map<string, typeof pending>();
  for (const p of pending) {
    if (!(p.pref === null ? DEFAULT_PREFERENCE.email : p.pref === 1)) continue;
    byUser.set(p.user_id, [...(byUser.get(p.user_id) ?? []), p]);
  }
  for (const [userId, list] of byUser) {
    const messageId = `<digest-${userId}-${now.getTime()}@gongkai>`;
    const lines = list.map((p, i) => `${i + 1}. ${p.title}${link(mail.config.consoleUrl, p.link) ? `\n   ${link(mail.config.consoleUrl, p.link)}` : ''}`);
    const text = [`截至${chinaDateTimeOf(now)}（北京时间），您有${list.length}条期限提醒：`, '', ...lines, '', '此邮件由政务公开管理平台自动发送，请勿回复。'].join('\n');
    await sendMail(db, { to: list[0]!.email, subject: `期限提醒日报（${list.length}条）`, text, messageId });
    await db.transaction().execute(async (tx) => {
      for (const p of list) await recordDelivery(tx, p.id, 'email', messageId, now);
    });
  }
}
