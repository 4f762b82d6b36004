import { chinaToday, isoNow, type Clock } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import type { Db, Tx } from '../../db/database.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { auditActor, requireRoleIn, type Actor } from '../auth/actor.ts';
import { DEFAULT_COURT, reconsiderationBodyOf, type LetterInput } from '../applications/letters.ts';
import { letterDocx, letterPdf, letterPng, officialLetter, type LetterFrame, type OfficialLetter } from './letter-layout.ts';
import { checkNumberPattern, contactLine, DEFAULT_NUMBER_PATTERN, letterNumber, type DateStyle } from './letters.rules.ts';

type Deps = { db: Db; clock: Clock };

/** What the office may set; an empty text leaves the default (shown beside it as `defaults`). */
export type LetterTemplateInput = {
  numberPattern: string;
  signatureName: string;
  contactPerson: string;
  contactPhone: string;
  reconsiderationBody: string;
  court: string;
  dateStyle: DateStyle;
};

export type LetterTemplateView = LetterTemplateInput & {
  agencyId: string;
  agencyName: string;
  updatedAt: string | null;
  /** What an empty field prints: the agency's name and phone, the reconsideration body read off its name, 有管辖权的人民法院. */
  defaults: { signatureName: string; contactPhone: string; reconsiderationBody: string; court: string };
  /** The number the next letter will get, e.g. 示人社公开〔2026〕3号. */
  nextNumber: string;
};

/** The agency's template, its defaults filled in where the office left a field empty. */
async function loadTemplate(db: Tx, agencyId: string, today: string): Promise<LetterTemplateView> {
  const agency = await db.selectFrom('agencies').select(['id', 'name', 'phone']).where('id', '=', agencyId).executeTakeFirst();
  if (!agency) throw notFound('机关');
  const row = await db.selectFrom('letter_templates').selectAll().where('agency_id', '=', agencyId).executeTakeFirst();
  const year = Number(today.slice(0, 4));
  const seq = await db.selectFrom('letter_sequences').select('last').where('agency_id', '=', agencyId).where('year', '=', year).executeTakeFirst();
  const numberPattern = row?.number_pattern ?? DEFAULT_NUMBER_PATTERN;
  return {
    agencyId, agencyName: agency.name,
    numberPattern,
    signatureName: row?.signature_name ?? '',
    contactPerson: row?.contact_person ?? '',
    contactPhone: row?.contact_phone ?? '',
    reconsiderationBody: row?.reconsideration_body ?? '',
    court: row?.court ?? '',
    dateStyle: row?.date_style ?? 'chinese',
    updatedAt: row?.updated_at ?? null,
    defaults: { signatureName: agency.name, contactPhone: agency.phone, reconsiderationBody: reconsiderationBodyOf(agency.name), court: DEFAULT_COURT },
    nextNumber: letterNumber(numberPattern, year, (seq?.last ?? 0) + 1),
  };
}

/** The letter's text with what the template adds: the remedies' bodies, the 落款, the date style, the contact line. */
function framed(t: LetterTemplateView, input: LetterInput, number: string): OfficialLetter {
  return officialLetter(
    { ...input, reconsiderationBody: t.reconsiderationBody || t.defaults.reconsiderationBody, court: t.court || DEFAULT_COURT },
    frameOf(t, number),
  );
}

const frameOf = (t: LetterTemplateView, number: string): LetterFrame => ({
  number, signatureName: t.signatureName || t.defaults.signatureName, dateStyle: t.dateStyle, contact: contactLine(t.contactPerson, t.contactPhone || t.defaults.contactPhone),
});

export async function getLetterTemplate(deps: Deps, actor: Actor, agencyId: string): Promise<LetterTemplateView> {
  requireRoleIn(actor, ['office'], agencyId);
  return loadTemplate(deps.db, agencyId, chinaToday(deps.clock));
}

/** The office sets its agency's letter template; the change is audited with before and after. */
export async function updateLetterTemplate(deps: Deps, actor: Actor, agencyId: string, input: LetterTemplateInput): Promise<LetterTemplateView> {
  const role = requireRoleIn(actor, ['office'], agencyId);
  const numberPattern = checkNumberPattern(input.numberPattern);
  return deps.db.transaction().execute(async (tx) => {
    const today = chinaToday(deps.clock);
    const before = await loadTemplate(tx, agencyId, today);
    const values = {
      number_pattern: numberPattern, signature_name: input.signatureName.trim(), contact_person: input.contactPerson.trim(), contact_phone: input.contactPhone.trim(),
      reconsideration_body: input.reconsiderationBody.trim(), court: input.court.trim(), date_style: input.dateStyle, updated_by: actor.userId, updated_at: isoNow(deps.clock),
    };
    await tx.insertInto('letter_templates').values({ agency_id: agencyId, ...values }).onConflict((oc) => oc.column('agency_id').doUpdateSet(values)).execute();
    const after = await loadTemplate(tx, agencyId, today);
    const audited = ({ defaults: _d, nextNumber: _n, updatedAt: _u, ...t }: LetterTemplateView) => t;
    await appendAudit(tx, deps.clock, { actor: auditActor(actor, role), agencyId, action: 'letter_template.update', entityType: 'letter_template', entityId: agencyId, before: audited(before), after: audited(after), ip: actor.ip });
    return after;
  });
}

/**
 * Issues a letter of the agency: takes the next 发文字号 of the letter's year (Beijing time, from
 * its date) and lays the letter out. The counter only goes up inside the issuing transaction, so
 * a number is never given twice, and one whose letter failed is rolled back with it.
 */
export async function issueLetter(tx: Tx, agencyId: string, input: LetterInput) {
  const template = await loadTemplate(tx, agencyId, input.date);
  const letter = framed(template, input, await takeNumber(tx, template, input.date));
  return { letter, docx: await letterDocx(letter), pdf: await letterPdf(letter) };
}

async function takeNumber(tx: Tx, template: LetterTemplateView, date: string): Promise<string> {
  const year = Number(date.slice(0, 4));
  await tx.insertInto('letter_sequences').values({ agency_id: template.agencyId, year, last: 0 }).onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing()).execute();
  const { last } = await tx.updateTable('letter_sequences').set((eb) => ({ last: eb('last', '+', 1) })).where('agency_id', '=', template.agencyId).where('year', '=', year).returning('last').executeTakeFirstOrThrow();
  return letterNumber(template.numberPattern, year, last);
}

/** Takes the agency's next 发文字号 for a letter dated `date` (Beijing), for letters written elsewhere (e.g. coordination, COORD-1). */
export async function takeLetterNumber(tx: Tx, agencyId: string, date: string): Promise<string> {
  return takeNumber(tx, await loadTemplate(tx, agencyId, date), date);
}

/** The frame (落款, date style, contact line) the agency's template gives a letter already numbered. */
export async function letterFrameOf(tx: Tx, agencyId: string, number: string, today: string): Promise<LetterFrame> {
  return frameOf(await loadTemplate(tx, agencyId, today), number);
}

/** A sample reply in the agency's template, numbered with the next number (not taken), as a PNG. */
export async function previewLetterTemplate(deps: Deps, actor: Actor, agencyId: string): Promise<Uint8Array> {
  requireRoleIn(actor, ['office'], agencyId);
  const today = chinaToday(deps.clock);
  const t = await loadTemplate(deps.db, agencyId, today);
  const sample: LetterInput = {
    kind: 'reply', outcome: 'granted', agencyName: t.agencyName, regNumber: `YSQ-${today.slice(0, 4)}-0001`, applicantName: '张三', receivedOn: today, date: today,
    description: '（示例）2026年度就业补助资金分配明细',
    opinion: '（示例：经办科室填写的答复意见及依据）经审查，您申请获取的信息属于公开范围。根据《中华人民共和国政府信息公开条例》第三十六条第二项的规定，现予以提供。',
  };
  return letterPng(framed(t, sample, t.nextNumber));
}
