import type { Clock } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/database.ts';
import { reach, type Actor } from '../auth/actor.ts';
import { forbidden } from '../../core/errors.ts';
import type { Role } from '../org/org.rules.ts';
import { maskIdNumber, maskName, maskPhone, type ApplicantKind, type IdType, type Outcome } from './applications.rules.ts';
import type { ApplicationTable } from './applications.tables.ts';

export type Deps = { db: Db; clock: Clock; dataDir: string };

/** Staff who may see an application at all; the handling staff also see the applicant's data unmasked. */
export const APPLICATION_ROLES: readonly Role[] = ['office', 'drafter', 'dept_head', 'secrecy_reviewer', 'leader', 'opinion_lead'];

export const applicationSubject = (id: string) => ({ type: 'application', id });

export async function loadApplication(tx: Tx, id: string): Promise<ApplicationTable> {
  const row = await tx.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('申请');
  return row;
}

/**
 * Who handles the case (DESIGN.md: personal data only to the staff handling it): the office
 * of the agency, and the assigned department's staff.
 */
export async function handles(tx: Tx, actor: Actor, row: ApplicationTable): Promise<boolean> {
  if (actor.reach.get('office')?.has(row.agency_id)) return true;
  if (!row.unit_id) return false;
  const user = await tx.selectFrom('users').select('unit_id').where('id', '=', actor.userId).executeTakeFirst();
  return user?.unit_id === row.unit_id && reach(actor, ['drafter', 'dept_head']).has(row.agency_id);
}

export async function visibleApplication(tx: Tx, actor: Actor, id: string): Promise<ApplicationTable> {
  const row = await loadApplication(tx, id);
  if (!reach(actor, APPLICATION_ROLES).has(row.agency_id)) throw forbidden('您无权查看该申请');
  return row;
}

export type Applicant = { kind: ApplicantKind; name: string; idType: IdType; idNumber: string; orgCode: string; phone: string; email: string; address: string };

/** The applicant's data, whole for the handling staff and the applicant, masked for everyone else. */
export function presentApplicant(r: ApplicationTable, unmasked: boolean): Applicant {
  return {
    kind: r.applicant_kind as ApplicantKind,
    name: unmasked ? r.applicant_name : maskName(r.applicant_name),
    idType: r.id_type as IdType,
    idNumber: unmasked ? r.id_number : maskIdNumber(r.id_number),
    orgCode: r.org_code,
    phone: unmasked ? r.phone : maskPhone(r.phone),
    email: unmasked ? r.email : r.email.replace(/^(.).*(@.*)$/, '$1***$2'),
    address: unmasked ? r.address : r.address ? `${r.address.slice(0, 6)}***` : '',
  };
}

export const parse = <T>(json: string | null): T | null => (json ? (JSON.parse(json) as T) : null);

export type Correction = { requestedAt: string; needed: string; due: string; answeredAt?: string; answer?: string };
/** LAW-42: `by` count or pages; the 20 working days run from `noticeReceivedAt`, the applicant's receipt of the notice (then `due`). */
export type Fee = { amount: number; by: 'count' | 'pages'; basis: string; pages?: number; notifiedAt: string; noticeReceivedAt?: string; due?: string; paidAt?: string };
/** LAW-31: the recorded confirmation of the receipt day; `told` says how the applicant learnt it. */
export type Receipt = { at: string; by: string; auto: boolean; told: string };
/** LAW-35: reasons asked for, the applicant's answer and the office's decision (a longer term in working days when reasonable). */
export type Reasons = { askedAt: string; asked: string; due: string; answeredAt?: string; answer?: string; decision?: 'unreasonable' | 'reasonable'; decidedAt?: string; decisionReason?: string; workdays?: number };
export type Reply = { outcome: Outcome; text: string; alreadyPublicWhere?: string; holderAgency?: string; draftedBy: string; approvedBy?: string; approvedAt?: string };
export type Transfer = { from: string; handedOverAt: string; record: string; reportedBackAt?: string; report?: string };
export type Delivery = { method: string; on: string; proof: string };
