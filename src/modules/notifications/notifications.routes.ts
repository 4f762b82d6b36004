import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { channelSettingsView, MailSettingsSchema, saveChannelSettings, sendTestMail, SmsSettingsSchema, type MailSettings, type SmsSettings } from './channels.ts';
import { addDuty, dutyCandidates, DUTY_EDITORS, DUTY_READERS, listDuty, removeDuty } from './duty.service.ts';
import { getPreferences, listNotifications, markAllRead, markRead, setPreferences, unreadCount } from './notifications.service.ts';
import { requireRoleIn } from '../auth/actor.ts';
import { ReminderSettingsSchema } from './reminders.rules.ts';
import { DutyCandidates, DutyShift, DutyShifts, MailSettingsView, Marked, NotificationPage, NotificationPreferences, SmsSettingsView, TestMailSent, UnreadCount } from './notifications.schemas.ts';
import { reminderSettings, updateReminderSettings } from './reminders.service.ts';

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
const AgencyParam = Type.Object({ agencyId: Type.String({ minLength: 1, maxLength: 64 }) }, strict);
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const sysAdmin = { roles: ['sys_admin'] } as const;

/** The notification centre, each person's channels, the agency's reminder thresholds, mail and SMS settings, and the duty roster (OP-7). */
export async function notificationRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['notifications'];

  r.get('/notifications', {
    config: { access: 'staff' },
    schema: { response: { 200: NotificationPage }, tags, summary: '我的通知（分页，可只看未读）', querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), ...PageQuery }, strict) },
  }, async (req) => listNotifications(deps, actorOf(req), req.query, paging(req.query)));
  r.get('/notifications/unread-count', { config: { access: 'staff' }, schema: { response: { 200: UnreadCount }, tags, summary: '未读通知数' } }, async (req) => ({ unread: await unreadCount(deps, actorOf(req)) }));
  r.post('/notifications/:id/read', { config: { access: 'staff' }, schema: { tags, summary: '标为已读', params: Id } }, async (req, reply) => {
    await markRead(deps, actorOf(req), req.params.id, true);
    return reply.status(204).send();
  });
  r.post('/notifications/:id/unread', { config: { access: 'staff' }, schema: { tags, summary: '标为未读', params: Id } }, async (req, reply) => {
    await markRead(deps, actorOf(req), req.params.id, false);
    return reply.status(204).send();
  });
  r.post('/notifications/read-all', { config: { access: 'staff' }, schema: { response: { 200: Marked }, tags, summary: '全部标为已读' } }, async (req) => markAllRead(deps, actorOf(req)));

  r.get('/notifications/preferences', { config: { access: 'staff' }, schema: { response: { 200: NotificationPreferences }, tags, summary: '本人的通知方式（站内通知之外的邮件、短信）' } }, async (req) => getPreferences(deps, actorOf(req)));
  r.put('/notifications/preferences', {
    config: { access: 'staff' },
    schema: { response: { 200: NotificationPreferences }, tags, summary: '设置本人的通知方式', body: Type.Object({ email: Type.Boolean(), sms: Type.Boolean() }, strict) },
  }, async (req) => setPreferences(deps, actorOf(req), req.body));

  r.get('/notifications/reminder-settings/:agencyId', {
    config: { access: { roles: ['office', 'leader'] } },
    schema: { response: { 200: ReminderSettingsSchema }, tags, summary: '本机关的期限提醒设置（提前提醒、逾期督办）', params: AgencyParam },
  }, async (req) => {
    requireRoleIn(actorOf(req), ['office', 'leader'], req.params.agencyId);
    return reminderSettings(deps.db, req.params.agencyId);
  });
  r.put('/notifications/reminder-settings/:agencyId', {
    config: { access: { roles: ['office'] } },
    schema: { response: { 200: ReminderSettingsSchema }, tags, summary: '修改本机关的期限提醒设置（公开办）', params: AgencyParam, body: ReminderSettingsSchema },
  }, async (req) => updateReminderSettings(deps, actorOf(req), req.params.agencyId, req.body));

  r.get('/notifications/mail-settings', { config: { access: sysAdmin }, schema: { response: { 200: MailSettingsView }, tags, summary: '邮件服务器设置（不返回密码）' } }, async () => channelSettingsView<MailSettings>(deps.db, 'mail'));
  r.put('/notifications/mail-settings', {
    config: { access: sysAdmin },
    schema: { response: { 200: MailSettingsView }, tags, summary: '修改邮件服务器设置（市级系统管理员；密码留空则不变）', body: Type.Object({ settings: MailSettingsSchema, password: Type.Optional(Type.String({ maxLength: 255 })) }, strict) },
  }, async (req) => saveChannelSettings<MailSettings>(deps, actorOf(req), 'mail', req.body.settings, req.body.password));
  r.post('/notifications/mail-settings/test', { config: { access: sysAdmin }, schema: { response: { 200: TestMailSent }, tags, summary: '发送测试邮件到本人邮箱' } }, async (req) => sendTestMail(deps, actorOf(req)));
  r.get('/notifications/sms-settings', { config: { access: sysAdmin }, schema: { response: { 200: SmsSettingsView }, tags, summary: '短信网关设置（不返回共享密钥）' } }, async () => channelSettingsView<SmsSettings>(deps.db, 'sms'));
  r.put('/notifications/sms-settings', {
    config: { access: sysAdmin },
    schema: { response: { 200: SmsSettingsView }, tags, summary: '修改短信网关设置（市级系统管理员；密钥留空则不变）', body: Type.Object({ settings: SmsSettingsSchema, secret: Type.Optional(Type.String({ maxLength: 255 })) }, strict) },
  }, async (req) => saveChannelSettings<SmsSettings>(deps, actorOf(req), 'sms', req.body.settings, req.body.secret));

  r.get('/duty-roster', {
    config: { access: { roles: DUTY_READERS } },
    schema: { response: { 200: DutyShifts }, tags, summary: '领导值班表（按时间段）', querystring: Type.Object({ agencyId: Type.String({ minLength: 1, maxLength: 64 }), from: Instant, to: Instant }, strict) },
  }, async (req) => ({ items: await listDuty(deps, actorOf(req), req.query.agencyId, req.query) }));
  r.get('/duty-roster/candidates', {
    config: { access: { roles: DUTY_EDITORS } },
    schema: { response: { 200: DutyCandidates }, tags, summary: '可安排值班的领导', querystring: Type.Object({ agencyId: Type.String({ minLength: 1, maxLength: 64 }) }, strict) },
  }, async (req) => ({ items: await dutyCandidates(deps, actorOf(req), req.query.agencyId) }));
  r.post('/duty-roster', {
    config: { access: { roles: DUTY_EDITORS } },
    schema: { response: { 201: DutyShift },
      tags, summary: '安排领导值班（公开办、领导）',
      body: Type.Object({ agencyId: Type.String({ minLength: 1, maxLength: 64 }), userId: Type.String({ minLength: 1, maxLength: 64 }), phone: Type.String({ minLength: 1, maxLength: 40 }), startsAt: Instant, endsAt: Instant, note: Type.Optional(Type.String({ maxLength: 200 })) }, strict),
    },
  }, async (req, reply) => reply.status(201).send(await addDuty(deps, actorOf(req), req.body)));
  r.delete('/duty-roster/:id', { config: { access: { roles: DUTY_EDITORS } }, schema: { tags, summary: '删除值班安排', params: Id } }, async (req, reply) => {
    await removeDuty(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });
}
