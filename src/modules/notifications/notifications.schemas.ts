import { Type } from 'typebox';
import { itemsOf, pageOf } from '../../core/paging.ts';
import { MailSettingsSchema, SmsSettingsSchema } from './channels.ts';

/** The response payloads of the notification centre, channels, reminder settings and duty roster (docs/api-types.md). */

export const NotificationEntry = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    kindLabel: Type.String(),
    urgent: Type.Boolean(),
    title: Type.String(),
    body: Type.String(),
    link: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
    readAt: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'NotificationEntry' },
);

export const NotificationPage = Type.Object({ ...pageOf(NotificationEntry).properties, unread: Type.Integer() }, { title: 'NotificationPage' });

export const UnreadCount = Type.Object({ unread: Type.Integer() });
export const Marked = Type.Object({ marked: Type.Integer() });

export const NotificationPreferences = Type.Object(
  { email: Type.Boolean(), sms: Type.Boolean(), emailAddress: Type.String(), phoneSet: Type.Boolean() },
  { title: 'NotificationPreferences' },
);

const channelView = <T extends ReturnType<typeof Type.Object>>(settings: T, title: string) =>
  Type.Object({ configured: Type.Boolean(), settings: Type.Union([settings, Type.Null()]), secretSet: Type.Boolean() }, { title });

export const MailSettingsView = channelView(MailSettingsSchema, 'MailSettingsView');
export const SmsSettingsView = channelView(SmsSettingsSchema, 'SmsSettingsView');
export const TestMailSent = Type.Object({ to: Type.String() });

export const DutyShift = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    userId: Type.String(),
    name: Type.String(),
    phone: Type.String(),
    startsAt: Type.String(),
    endsAt: Type.String(),
    note: Type.String(),
  },
  { title: 'DutyShift' },
);
export const DutyShifts = itemsOf(DutyShift);
export const DutyCandidates = itemsOf(Type.Object({ id: Type.String(), name: Type.String() }));
