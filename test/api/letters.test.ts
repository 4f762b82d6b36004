/**
 * Letters in 公文 form (GB/T 9704-2012) through the HTTP API: the office's letter template per
 * agency, the 发文字号 taken when a letter is issued (per agency, per Beijing-time year, never
 * reused), and the reply letter as the applicant gets it: number, title, the handler's 答复意见及依据
 * (APP-7), the date in Chinese numerals, the agency's name where the seal goes, the contact line.
 * The test clock starts on Monday 2026-11-23 10:00 Beijing time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText } from '../../src/modules/files/text.ts';
import { agencyId, call, demoApp, expectError, signIn, type Session, type TestApp } from '../support/app.ts';

let t: TestApp;
let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'gongkai-letters-'));
  t = await demoApp(undefined, dataDir);
});
afterAll(async () => {
  await t?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const as = (username: string): Promise<Session> => signIn(t, username);
const json = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};
/** Moves the test clock forward to a moment. */
const advanceTo = (moment: string) => t.clock.advance((Date.parse(moment) - t.clock().getTime()) / 60_000);

type Template = {
  numberPattern: string; signatureName: string; contactPerson: string; contactPhone: string; reconsiderationBody: string; court: string; dateStyle: string;
  defaults: { signatureName: string; contactPhone: string; reconsiderationBody: string; court: string }; nextNumber: string; updatedAt: string | null;
};
type Files = { files: { id: string; kind: string; name: string }[] };

const RSJ_TEMPLATE = {
  numberPattern: '示人社公开〔{年}〕{号}号', signatureName: '', contactPerson: '王公开', contactPhone: '0310-1234333',
  reconsiderationBody: '', court: '示例市滨海区人民法院', dateStyle: 'chinese',
};

const applicant = (description: string) => ({
  applicantKind: 'natural', name: '李申请', idType: 'prc_id', idNumber: '11010519491231002X', phone: '13912345678', email: 'li@example.com',
  description, form: 'electronic', delivery: 'email', channel: 'visit', receivedAt: t.clock().toISOString(),
});

/** Registers an application at the office and asks for a correction (LAW-30): a 补正告知书 is issued at once. */
async function correctionLetter(office: string, description: string): Promise<string> {
  const s = await as(office);
  const { id } = json<{ id: string }>(await call(t, s, 'POST', '/applications', applicant(description)), 201);
  const d = json<Files>(await call(t, s, 'POST', `/applications/${id}/actions/request_correction`, { needed: '请写明所需信息的年度' }));
  return letterPdfText(s, d, 'letter_correction');
}

async function letterFile(s: Session, d: Files, kind: string, ext: 'pdf' | 'docx'): Promise<Uint8Array> {
  const file = d.files.find((f) => f.kind === kind && f.name.endsWith(`.${ext}`))!;
  const res = await call(t, s, 'GET', `/application-files/${file.id}`);
  expect(res.statusCode).toBe(200);
  return new Uint8Array(res.rawPayload);
}
const letterPdfText = async (s: Session, d: Files, kind: string) => extractText('pdf', await letterFile(s, d, kind, 'pdf'));

describe('the office’s letter template', () => {
  it('shows the defaults: 〔年〕号 numbering, the agency’s name and phone, the reconsideration body read off its name', async () => {
    const rsj = await agencyId(t, 'RSJ');
    const view = json<Template>(await call(t, await as('rsj.office'), 'GET', `/letter-templates/${rsj}`));
    expect(view).toMatchObject({
      numberPattern: '〔{年}〕{号}号', signatureName: '', contactPerson: '', dateStyle: 'chinese', nextNumber: '〔2026〕1号', updatedAt: null,
      defaults: { signatureName: '示例市人力资源和社会保障局', contactPhone: '0310-1234333', reconsiderationBody: '示例市人民政府', court: '有管辖权的人民法院' },
    });
  });

  it('is set by the agency’s office only, with a pattern holding {年} and {号}, and audited', async () => {
    const rsj = await agencyId(t, 'RSJ');
    const ybj = await agencyId(t, 'YBJ');
    expectError(await call(t, await as('rsj.drafter'), 'PUT', `/letter-templates/${rsj}`, RSJ_TEMPLATE), 403, 'FORBIDDEN');
    expectError(await call(t, await as('ybj.office'), 'PUT', `/letter-templates/${rsj}`, RSJ_TEMPLATE), 403, 'FORBIDDEN');
    expectError(await call(t, await as('rsj.office'), 'GET', `/letter-templates/${ybj}`), 403, 'FORBIDDEN');
    expectError(await call(t, await as('rsj.office'), 'PUT', `/letter-templates/${rsj}`, { ...RSJ_TEMPLATE, numberPattern: '示人社公开〔2026〕号' }), 400, 'LETTER_NUMBER_PATTERN', /\{年\}和\{号\}/);
    expectError(await call(t, await as('rsj.office'), 'PUT', `/letter-templates/${rsj}`, { ...RSJ_TEMPLATE, dateStyle: 'roman' }), 400, 'VALIDATION_FAILED');
    const view = json<Template>(await call(t, await as('rsj.office'), 'PUT', `/letter-templates/${rsj}`, RSJ_TEMPLATE));
    expect(view).toMatchObject({ ...RSJ_TEMPLATE, nextNumber: '示人社公开〔2026〕1号' });
    const audit = await t.conn.db.selectFrom('audit_events').select(['action', 'after_json']).where('action', '=', 'letter_template.update').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after_json).toContain('示人社公开〔{年}〕{号}号');
  });

  it('previews a sample reply in the template as an image, without taking a number', async () => {
    const rsj = await agencyId(t, 'RSJ');
    const s = await as('rsj.office');
    const res = await call(t, s, 'GET', `/letter-templates/${rsj}/preview.png`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    expect(json<Template>(await call(t, s, 'GET', `/letter-templates/${rsj}`)).nextNumber).toBe('示人社公开〔2026〕1号');
  });
});

describe('发文字号: per agency, per Beijing-time year, taken when the letter is issued', () => {
  it('numbers each agency’s letters on its own counter, and starts again at 1 when the year turns in Beijing', async () => {
    expect(await correctionLetter('rsj.office', '请公开本市失业保险基金2025年度收支决算情况')).toContain('示人社公开〔2026〕1号');
    expect(await correctionLetter('rsj.office', '请公开工伤认定案件办理流程及时限规定')).toContain('示人社公开〔2026〕2号');
    // 示例市医疗保障局 has no template yet: its first letter is 〔2026〕1号 on its own counter.
    const ybj = await correctionLetter('ybj.office', '请公开本市医保定点机构的年度考核结果');
    expect(ybj).toContain('〔2026〕1号');
    expect(ybj).not.toContain('示人社');
    // 2026-12-31 23:30 Beijing time is still 2026 …
    advanceTo('2026-12-31T23:30:00+08:00');
    expect(await correctionLetter('rsj.office', '请公开人力资源市场招聘会场地租赁合同文本')).toContain('示人社公开〔2026〕3号');
    // … and 00:30 on 1 January is 2027 in Beijing, though still 2026-12-31 in UTC.
    advanceTo('2027-01-01T00:30:00+08:00');
    expect(t.clock().toISOString().slice(0, 10)).toBe('2026-12-31');
    const first2027 = await correctionLetter('rsj.office', '请公开技工院校招生计划的审批文件与批复');
    expect(first2027).toContain('示人社公开〔2027〕1号');
    expect(first2027).toContain('二〇二七年一月一日');
    expect(await correctionLetter('ybj.office', '请公开医保基金监管飞行检查的整改报告')).toContain('〔2027〕1号');
    const counters = await t.conn.db.selectFrom('letter_sequences').select(['year', 'last']).where('agency_id', '=', await agencyId(t, 'RSJ')).orderBy('year').execute();
    expect(counters).toEqual([{ year: 2026, last: 3 }, { year: 2027, last: 1 }]);
  });
});

describe('the reply letter the applicant gets (APP-7, GB/T 9704-2012)', () => {
  it('prints the number, title, the handler’s 答复意见及依据, the court set, the agency where the seal goes, the date in Chinese numerals and the contact line, in DOCX and PDF alike', async () => {
    advanceTo('2027-01-04T10:00:00+08:00');
    const office = await as('rsj.office');
    const rsj = await agencyId(t, 'RSJ');
    json(await call(t, office, 'PUT', `/letter-templates/${rsj}`, RSJ_TEMPLATE));
    const { id } = json<{ id: string }>(await call(t, office, 'POST', '/applications', applicant('请公开2026年度本市高校毕业生就业见习补贴的发放名单')), 201);
    const unit = (await t.conn.db.selectFrom('units').select('id').where('agency_id', '=', rsj).where('name', '=', '就业促进科').executeTakeFirstOrThrow()).id;
    json(await call(t, office, 'POST', `/applications/${id}/actions/assign`, { unitId: unit }));
    const opinion = '经审查，您申请获取的见习补贴发放名单属于公开范围，其中见习人员的身份证号码属于个人隐私，已作删除处理。根据《中华人民共和国政府信息公开条例》第三十七条的规定，现向您提供删除个人隐私后的名单。';
    json(await call(t, await as('rsj.drafter'), 'POST', `/applications/${id}/actions/draft_reply`, { outcome: 'partial', text: opinion }));
    json(await call(t, await as('rsj.secrecy'), 'POST', `/applications/${id}/reviews`, { kind: 'confidentiality', opinion: '不涉密' }));
    json(await call(t, office, 'POST', `/applications/${id}/reviews`, { kind: 'legality', opinion: '合法' }));
    json(await call(t, await as('rsj.opinion'), 'POST', `/applications/${id}/reviews`, { kind: 'opinion_risk', opinion: '风险低' }));
    const d = json<Files>(await call(t, await as('rsj.leader'), 'POST', `/applications/${id}/actions/approve_reply`, {}));

    const pdf = (await letterPdfText(office, d, 'letter_reply')).split('\n').filter(Boolean);
    const docxBytes = await letterFile(office, d, 'letter_reply', 'docx');
    const docx = (await extractText('docx', docxBytes)).split('\n').filter(Boolean);
    const flat = (lines: string[]) => lines.join('').replace(/\s+/g, '');
    expect(flat(pdf)).toBe(flat(docx));
    expect(docx[0]).toBe('示人社公开〔2027〕2号');
    expect(docx[1]).toBe('政府信息公开申请答复告知书');
    expect(docx[2]).toBe('李申请：');
    expect(docx).toContain(opinion);
    expect(flat(docx)).not.toContain('能够作区分处理'); // the standard paragraph gives way to the handler's
    expect(flat(docx)).toContain('自收到本告知书之日起6个月内向示例市滨海区人民法院提起行政诉讼');
    expect(docx.slice(-3)).toEqual(['示例市人力资源和社会保障局', '二〇二七年一月四日', '（联系人：王公开，联系电话：0310-1234333）']);
    const styles = strFromU8(unzipSync(docxBytes)['word/styles.xml']!);
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="方正小标宋简体"');
  });
});
