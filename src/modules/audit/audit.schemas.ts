import { Type, type Static } from 'typebox';

export const AuditEvent = Type.Object(
  {
    id: Type.String(),
    seq: Type.Number(),
    at: Type.String(),
    actorId: Type.Union([Type.String(), Type.Null()]),
    actorName: Type.Union([Type.String(), Type.Null()]),
    actorRole: Type.Union([Type.String(), Type.Null()]),
    agencyId: Type.Union([Type.String(), Type.Null()]),
    action: Type.String(),
    actionLabel: Type.String(),
    entityType: Type.String(),
    entityLabel: Type.String(),
    entityId: Type.Union([Type.String(), Type.Null()]),
    entityName: Type.Union([Type.String(), Type.Null()]),
    before: Type.Unknown(),
    after: Type.Unknown(),
    ip: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'AuditEvent' }
);
export type AuditEvent = Static<typeof AuditEvent>;

export const AuditKind = Type.Object(
  {
    value: Type.String(),
    label: Type.String(),
    group: Type.String(),
  },
  { title: 'AuditKind' }
);
export type AuditKind = Static<typeof AuditKind>;

export const AuditVerification = Type.Object(
  {
    ok: Type.Boolean(),
    checked: Type.Number(),
    firstBroken: Type.Union([
      Type.Null(),
      Type.Object({
        chain: Type.String(),
        seq: Type.Number(),
        id: Type.String(),
        reason: Type.Union([Type.Literal('hash'), Type.Literal('gap'), Type.Literal('prev'), Type.Literal('checkpoint')]),
      }),
    ]),
    checkpoint: Type.Union([
      Type.Null(),
      Type.Object({
        at: Type.String(),
        signed: Type.Boolean(),
      }),
    ]),
    unconfirmed: Type.Array(
      Type.Object({
        chain: Type.String(),
        seq: Type.Number(),
        id: Type.String(),
        at: Type.String(),
        action: Type.String(),
      })
    ),
  },
  { title: 'AuditVerification' }
);
export type AuditVerification = Static<typeof AuditVerification>;

export const AuditCheckpoint = Type.Object(
  {
    at: Type.String(),
    heads: Type.Array(
      Type.Object({
        chain: Type.String(),
        seq: Type.Number(),
        hash: Type.String(),
      })
    ),
    mac: Type.String(),
  },
  { title: 'AuditCheckpoint' }
);
export type AuditCheckpoint = Static<typeof AuditCheckpoint>;
