/**
 * Disclosure on application (依申请公开) as the staff of a bureau handle it through the
 * console's HTTP API (/api/v1/applications…): intake and registration (APP-1, APP-2, APP-5,
 * LAW-31), correction (LAW-30), consultation (LAW-32, LAW-34), extension (LAW-33), fees
 * (LAW-42, APP-9), the reply with its three reviews and letters (APP-6, APP-7, LAW-36/37),
 * the repeat and excess flags (LAW-35), appeals (APP-8), table 3 of the annual report
 * (LAW-49/50) and the applicant's personal data.
 *
 * Every story gets its own demo city with a temporary data folder (letters are stored as
 * files). The test clock starts on Monday 2026-11-23 10:00 Beijing time; November and December
 * 2026 have no public holidays, so due dates are counted by hand on the weekday calendar
 * (the start day is day 0; docs/deadlines.md). RSJ's reply term is 15 + 15 working days,
 * YBJ's 20 + 20.
 */
import { exceljsXlsx, samplePdf } from '../../src/modules/files/fixtures/samples.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.ts';
import { extractText } from '../../src/modules/files/text.ts';
import { seedDemo } from '../../src/seed/demo.ts';
import { agencyId, call, expectError, signIn, testClock, type Session, type TestApp, uploadFile } from '../support/app.ts';
import { freshDatabase } from '../support/db.ts';

// ---- the material ------------------------------------------------------------------------------

/** GB 11643 check character for the first 17 digits. */
function prcId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return `${first17}${'10X98765432'[sum % 11]}`;
}
/** Applicant n's ID number (a different valid one per n). */
const idOf = (n: number) => prcId(`11010519800101${String(n).padStart(3, '0')}`);

const ID_NUMBER = '11010519491231002X';
const MASKED_ID = '1101**********002X';
const PHONE = '13912345678';
const MASKED_PHONE = '139****5678';
const NAME = '李申请';

/** Requests unlike each other (bigram similarity far below the repeat threshold). */
const TOPICS = [
  '本市失业保险基金2025年度收支决算情况', '市人社局2026年公务员招录体检标准执行文件', '劳动保障监察大队2026年第三季度执法检查计划',
  '职业技能提升行动专账资金使用明细表', '养老保险待遇调整方案的起草说明材料', '工伤认定案件办理流程及时限规定',
  '人力资源市场招聘会场地租赁合同文本', '技工院校招生计划的审批文件与批复', '创业担保贷款贴息资金拨付的会议纪要',
  '稳岗返还政策受益企业清单及返还金额', '欠薪保障金的缴存标准和管理办法', '高技能人才培训基地的评审结果公示材料',
  '社会保障卡跨省通办业务的办理指南', '劳动人事争议仲裁案件的年度统计数据',
];
const request = (n: number) => `请公开${TOPICS[n % TOPICS.length]}`;

const applicant = (over: Record<string, unknown> = {}) => ({
  applicantKind: 'natural', name: NAME, idType: 'prc_id', idNumber: ID_NUMBER, phone: PHONE, email: 'li@example.com', address: '示例市幸福路8号3单元',
  description: '请公开2026年度本市高校毕业生就业见习补贴的发放名单及发放金额', purpose: '了解补贴政策落实情况', form: 'electronic', delivery: 'email',
  channel: 'visit', ...over,
});
/** An organisation applying: 统一社会信用代码 as its identity. */
const organisation = (kind: string, n: number, over: Record<string, unknown> = {}) =>
  applicant({ applicantKind: kind, name: `示例${kind}机构${n}`, idType: 'org', idNumber: `91130100MA0${String(n).padStart(7, '0')}`, orgCode: `91130100MA0${String(n).padStart(7, '0')}`, ...over });

// ---- the city ------------------------------------------------------------------------------------

type City = TestApp & {
  /** A signed-in session of a demo account, signed in again after the clock moved (sessions idle out after 30 minutes). */
  as: (username: string) => Promise<Session>;
  /** Moves the clock forward to a Beijing-time moment. */
  advanceTo: (moment: string) => void;
};

/** A demo city with a real file store in a temporary folder, one per describe block; its clock starts at `start`. */
function withCity(start?: string): () => City {
  let city: City | undefined;
  let dataDir: string | undefined;
  beforeAll(async () => {
    const conn = await freshDatabase();
    const clock = testClock(start);
    dataDir = await mkdtemp(join(tmpdir(), 'gongkai-applications-'));
    const deps = { db: conn.db, dialect: conn.dialect, clock, dataDir, secureCookies: false };
    await seedDemo(deps);
    const app = await buildApp(deps, { logLevel: 'silent' });
    const t: TestApp = { app, conn, clock, close: async () => { await app.close(); await conn.close(); } };
    let sessions = new Map<string, Session>();
    city = {
      ...t,
      as: async (username) => {
        let s = sessions.get(username);
        if (!s) sessions.set(username, (s = await signIn(t, username)));
        return s;
      },
      advanceTo: (moment) => {
        const minutes = (Date.parse(moment) - clock().getTime()) / 60_000;
        if (minutes < 0) throw new Error(`the clock only moves forward: ${moment}`);
        clock.advance(minutes);
        sessions = new Map();
      },
    };
  });
  afterAll(async () => {
    await city?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  return () => {
    if (!city) throw new Error('city not ready');
    return city;
  };
}

// ---- steps as the console takes them ------------------------------------------------------------

type Registered = { id: string; regNumber: string; trackingCode: string; secret: string };
type Deadline = { dueDate: string; state: string; light: string; provisional: boolean; provisionalYears: number[]; metLate?: boolean; explanation: string[] };
type Detail = {
  id: string; regNumber: string; state: string; stateLabel: string; channel: string; receivedAt: string | null; arrivedAt: string; unitName: string | null; flags: string[]; repeatOf: string | null;
  applicant: { name: string; idNumber: string; phone: string; email: string; address: string };
  transfer: { from: string; record: string; reportedBackAt?: string; report?: string } | null;
  correction: { needed: string; due: string; answeredAt?: string; answer?: string } | null;
  fee: { amount: number; basis: string; due?: string; paidAt?: string } | null;
  outcome: string | null; reply: { outcome: string; text: string; draftedBy: string; approvedBy?: string } | null; finishedAt: string | null;
  deliveryRecord: { method: string; on: string; proof: string } | null; deadline: Deadline | null;
  reviews: { kind: string; byName: string }[];
  consultations: { id: string; kind: string; party: string; answeredAt: string | null; answer: string | null; overrideReason: string; notice: string }[];
  files: { id: string; kind: string; name: string; mime: string; size: number }[];
  appeals: { id: string; kind: string; filedOn: string; body: string; result: string; resultOn: string | null; note: string }[];
  steps: { action: string; actionLabel: string; note: string }[];
  actions: string[];
};

const json = <T>(res: LightMyRequestResponse, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

async function register(c: City, over: Record<string, unknown> = {}, as = 'rsj.office'): Promise<Registered> {
  const res = await call(c, await c.as(as), 'POST', '/applications', { ...applicant(), receivedAt: c.clock().toISOString(), ...over });
  return json<Registered>(res, 201);
}

const detail = async (c: City, id: string, as = 'rsj.office') => json<Detail>(await call(c, await c.as(as), 'GET', `/applications/${id}`));
const act = async (c: City, id: string, action: string, body: Record<string, unknown> = {}, as = 'rsj.office') =>
  call(c, await c.as(as), 'POST', `/applications/${id}/actions/${action}`, body);
const reviewAs = async (c: City, id: string, kind: string, as: string, opinion = '经审查，同意') =>
  call(c, await c.as(as), 'POST', `/applications/${id}/reviews`, { kind, opinion });

async function unitId(c: City, agency: string, name: string): Promise<string> {
  return (await c.conn.db.selectFrom('units').select('id').where('agency_id', '=', await agencyId(c, agency)).where('name', '=', name).executeTakeFirstOrThrow()).id;
}

/** Assign to 就业促进科, draft, the three reviews, and the leader's signature: the whole reply of an RSJ case. */
async function replyWith(c: City, id: string, outcome: string, text = '经检索，相关信息依法处理。', extra: Record<string, unknown> = {}): Promise<Detail> {
  json(await act(c, id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
  json(await act(c, id, 'draft_reply', { outcome, text, ...extra }, 'rsj.drafter'));
  json(await reviewAs(c, id, 'confidentiality', 'rsj.secrecy'));
  json(await reviewAs(c, id, 'legality', 'rsj.office'));
  json(await reviewAs(c, id, 'opinion_risk', 'rsj.opinion'));
  return json<Detail>(await act(c, id, 'approve_reply', {}, 'rsj.leader'));
}

/** The stored letter of a kind in one format, downloaded as a user would and its text extracted, whitespace removed (PDF lines wrap). */
async function letterText(c: City, d: Detail, kind: string, format: 'docx' | 'pdf'): Promise<string> {
  const file = d.files.find((f) => f.kind === kind && f.name.endsWith(`.${format}`));
  expect(file, `${kind}.${format} among ${JSON.stringify(d.files)}`).toBeDefined();
  const res = await call(c, await c.as('rsj.office'), 'GET', `/application-files/${file!.id}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe(format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  return (await extractText(format, new Uint8Array(res.rawPayload))).replace(/\s+/g, '');
}

const letterKinds = (d: Detail) => d.files.map((f) => `${f.kind}.${f.name.split('.').pop()}`).sort();

// ---- 1 ---------------------------------------------------------------------------------------------

describe('1. intake and registration: every application registered with its receipt day (APP-1, APP-2, LAW-31, APP-5)', () => {
  const city = withCity();

  it('LAW-31: a letter signed for on Friday 2026-11-20 at 18:30 was received that day (no shift past office hours); 15 working days → 2026-12-11 (RSJ)', async () => {
    const c = city();
    const r = await register(c, { channel: 'letter_registered', receivedAt: '2026-11-20T18:30:00+08:00' });
    expect(r.regNumber).toBe('RSJ-YSQ-2026-0001');
    expect(r.trackingCode).toMatch(/^GK[0-9A-F]{10}$/);
    expect(r.secret).toBeTruthy();
    const d = await detail(c, r.id);
    expect(d).toMatchObject({ state: 'received', stateLabel: '已登记', channel: 'letter_registered', regNumber: 'RSJ-YSQ-2026-0001' });
    // 11-23..27 (5), 11-30..12-04 (10), 12-07..11 (15).
    expect(d.deadline).toMatchObject({ dueDate: '2026-12-11', state: 'running', light: 'green', provisional: false });
    expect(d.deadline!.explanation[0]).toBe('2026-11-20（星期五）18:30收到，以当日为起算日（起算日不计入期限）');
    // APP-4: people read the law's article and, for RSJ's stricter 15 days, that its own rule sets them.
    expect(d.deadline!.explanation.at(-1)).toBe('依据《中华人民共和国政府信息公开条例》第三十三条和本机关规定，期限为15个工作日，截止于2026-12-11（星期五）24时');
    expect(d.steps.map((s) => s.action)).toEqual(['register']);
  });

  it('LAW-31: a fax that arrived on Saturday 2026-11-21 waits as 待确认 with no term; confirmed Monday 11-23 (the applicant told) → due 2026-12-14', async () => {
    const c = city();
    const r = await register(c, { channel: 'fax', receivedAt: '2026-11-21T09:15:00+08:00', description: request(1) });
    expect(r.regNumber).toBe('RSJ-YSQ-2026-0002');
    const waiting = await detail(c, r.id);
    expect(waiting).toMatchObject({ state: 'unconfirmed', stateLabel: '待确认', receivedAt: null, deadline: null, actions: ['confirm_receipt'] });
    expectError(await act(c, r.id, 'confirm_receipt'), 400, 'RECEIPT_TOLD_REQUIRED', /如何告知申请人/);
    const d = json<Detail>(await act(c, r.id, 'confirm_receipt', { note: '已电话告知申请人本机关收到传真' }));
    expect(d).toMatchObject({ state: 'received', receivedAt: '2026-11-23T02:00:00.000Z' });
    // 11-24..27 (4), 11-30..12-04 (9), 12-07..11 (14), 12-14 (15).
    expect(d.deadline!.dueDate).toBe('2026-12-14');
    expect(d.deadline!.explanation[0]).toBe('2026-11-23（星期一）10:00确认收到，以当日为起算日（起算日不计入期限）');
    expect(d.steps.at(-1)).toMatchObject({ action: 'confirm_receipt', note: '收到日期 2026-11-23；已电话告知申请人本机关收到传真' });
  });

  it('LAW-31: an online application that arrived on Friday 11-20 at 16:00 is received on the day it is confirmed, Monday 11-23 → 2026-12-14', async () => {
    const c = city();
    const r = await register(c, { channel: 'online', receivedAt: '2026-11-20T16:00:00+08:00', description: request(2) });
    expect(r.regNumber).toBe('RSJ-YSQ-2026-0003');
    expect((await detail(c, r.id)).state).toBe('unconfirmed');
    const d = json<Detail>(await act(c, r.id, 'confirm_receipt'));
    expect(d.channel).toBe('online');
    expect(d.deadline!.dueDate).toBe('2026-12-14');
    expect(d.steps.at(-1)!.note).toBe('收到日期 2026-11-23；通过申请查询页面告知申请人');
  });

  it('APP-5: a transfer from the disclosure centre needs its handover record (400 TRANSFER_RECORD_REQUIRED), and is registered with it', async () => {
    const c = city();
    const bare = await call(c, await c.as('rsj.office'), 'POST', '/applications', { ...applicant({ description: request(3) }), channel: 'transfer', receivedAt: c.clock().toISOString() });
    expectError(bare, 400, 'TRANSFER_RECORD_REQUIRED', /转办申请须登记交接记录/);
    const r = await register(c, {
      channel: 'transfer', description: request(3),
      transfer: { from: '示例市政务公开中心', handedOverAt: '2026-11-23T09:30:00+08:00', record: '交接单 ZX-2026-118，申请表原件1份' },
    });
    expect(r.regNumber).toBe('RSJ-YSQ-2026-0004');
    const d = await detail(c, r.id);
    expect(d.channel).toBe('transfer');
    expect(d.transfer).toMatchObject({ from: '示例市政务公开中心', record: '交接单 ZX-2026-118，申请表原件1份' });
    expect(d.transfer!.reportedBackAt).toBeUndefined();
    expect(d.deadline!.dueDate).toBe('2026-12-14');
  });

  it('APP-2: an ID number with a wrong check character → 400 ID_NUMBER_INVALID, nothing registered', async () => {
    const c = city();
    const res = await call(c, await c.as('rsj.office'), 'POST', '/applications', { ...applicant({ idNumber: '110105194912310021' }), receivedAt: c.clock().toISOString() });
    expectError(res, 400, 'ID_NUMBER_INVALID', /居民身份证号码不正确（校验位不符），请核对/);
  });

  it('APP-2: an organisation without its 统一社会信用代码 → 400 ORG_CODE_REQUIRED', async () => {
    const c = city();
    const res = await call(c, await c.as('rsj.office'), 'POST', '/applications', { ...organisation('commercial', 1, { orgCode: '  ' }), receivedAt: c.clock().toISOString() });
    expectError(res, 400, 'ORG_CODE_REQUIRED', /法人或其他组织须填写统一社会信用代码/);
  });

  it('LAW-31: a receipt time in the future is refused (400 RECEIVED_IN_FUTURE)', async () => {
    const c = city();
    const res = await call(c, await c.as('rsj.office'), 'POST', '/applications', { ...applicant({ description: request(4) }), receivedAt: '2026-11-23T11:00:00+08:00' });
    expectError(res, 400, 'RECEIVED_IN_FUTURE', /收到时间不能晚于现在/);
  });

  it('APP-2: only the office registers: a drafter → 403, and a signed-out request → 401', async () => {
    const c = city();
    expectError(await call(c, await c.as('rsj.drafter'), 'POST', '/applications', { ...applicant(), receivedAt: c.clock().toISOString() }), 403, 'FORBIDDEN');
    expectError(await call(c, null, 'POST', '/applications', { ...applicant(), receivedAt: c.clock().toISOString() }), 401, 'AUTH_REQUIRED');
  });

  it('APP-2: registration numbers run on in order; refused registrations use none; an organisation is registered with its code', async () => {
    const c = city();
    const r = await register(c, { ...organisation('commercial', 2), description: request(5) });
    expect(r.regNumber).toBe('RSJ-YSQ-2026-0005');
    expect((await detail(c, r.id)).applicant).toMatchObject({ name: '示例commercial机构2' });
    const list = json<{ total: number; items: { regNumber: string }[] }>(await call(c, await c.as('rsj.office'), 'GET', '/applications?pageSize=50'));
    expect(list.total).toBe(5);
    expect(list.items.map((i) => i.regNumber).sort()).toEqual(['RSJ-YSQ-2026-0001', 'RSJ-YSQ-2026-0002', 'RSJ-YSQ-2026-0003', 'RSJ-YSQ-2026-0004', 'RSJ-YSQ-2026-0005']);
  });

  it('APP-4: YBJ numbers its own applications and counts its own term: received Monday 10:00 → 20 working days → due 2026-12-21', async () => {
    const c = city();
    const r = await register(c, { description: request(6) }, 'ybj.office');
    expect(r.regNumber).toBe('YBJ-YSQ-2026-0001');
    const d = await detail(c, r.id, 'ybj.office');
    expect(d.deadline).toMatchObject({ dueDate: '2026-12-21', state: 'running' });
    expect(d.deadline!.explanation.at(-1)).toBe('依据《中华人民共和国政府信息公开条例》第三十三条，期限为20个工作日，截止于2026-12-21（星期一）24时');
  });
});

// ---- 2 ---------------------------------------------------------------------------------------------

describe('2. correction (补正): asked once within 7 working days, the term restarts on the answer (LAW-30)', () => {
  const city = withCity();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const c = city();
    // All three received at 10:00 on Monday 2026-11-23: LAW-30's 7 working days end on Wednesday 12-02.
    ids.a = (await register(c, { description: request(0) })).id;
    ids.b = (await register(c, { description: request(1), idNumber: idOf(1) })).id;
    ids.c = (await register(c, { description: request(2), idNumber: idOf(2) })).id;
  });

  it('LAW-30: asked the same day → 待补正, the reply clock stops, and a 补正告知书 is stored as DOCX and PDF', async () => {
    const c = city();
    const d = json<Detail>(await act(c, ids.a!, 'request_correction', { needed: '请明确所需信息的年度和具体发放批次' }));
    expect(d).toMatchObject({ state: 'awaiting_correction', stateLabel: '待补正' });
    // The applicant has 15 working days to answer: 11-23 + 15 → 12-14.
    expect(d.correction).toMatchObject({ needed: '请明确所需信息的年度和具体发放批次', due: '2026-12-14' });
    expect(d.deadline).toMatchObject({ state: 'paused' });
    expect(d.deadline!.explanation.join('\n')).toMatch(/2026-11-23（星期一）起暂停计时（等待申请人补正，依据《中华人民共和国政府信息公开条例》第三十条不计入期限），此前已用0个工作日/);
    expect(letterKinds(d)).toEqual(['letter_correction.docx', 'letter_correction.pdf']);
    for (const format of ['docx', 'pdf'] as const) {
      const text = await letterText(c, d, 'letter_correction', format);
      expect(text).toContain('政府信息公开申请补正告知书');
      expect(text).toContain('请明确所需信息的年度和具体发放批次');
      expect(text).toContain('请您于2026年12月14日前向本机关提交补正后的申请');
      expect(text).toContain('RSJ-YSQ-2026-0001');
    }
  });

  it('LAW-30: while it waits, another request is not possible (409 TRANSITION_NOT_ALLOWED)', async () => {
    const c = city();
    expectError(await act(c, ids.a!, 'request_correction', { needed: '再补' }), 409, 'TRANSITION_NOT_ALLOWED', /申请当前处于“待补正”状态，不能执行“告知补正”/);
  });

  it('LAW-30: closing for no correction is refused while the correction period runs (409 CORRECTION_PERIOD_RUNNING)', async () => {
    const c = city();
    expectError(await act(c, ids.a!, 'close_no_correction'), 409, 'CORRECTION_PERIOD_RUNNING', /补正期限至 2026-12-14，期满后才能终止（《中华人民共和国政府信息公开条例》第三十条）/);
  });

  it('LAW-30: the correction, received by post on Tuesday 11-24 after hours, restarts the full 15 working days from that day, no shift → due 2026-12-15', async () => {
    const c = city();
    c.advanceTo('2026-11-25T10:00:00+08:00');
    const d = json<Detail>(await act(c, ids.a!, 'correct', { correction: '所需信息为2026年第一批见习补贴发放名单', receivedAt: '2026-11-24T19:00:00+08:00' }));
    expect(d.state).toBe('handling');
    expect(d.correction).toMatchObject({ answer: '所需信息为2026年第一批见习补贴发放名单', answeredAt: '2026-11-24T11:00:00.000Z' });
    // 11-25..27 (3), 11-30..12-04 (8), 12-07..11 (13), 12-14, 12-15 (15).
    expect(d.deadline).toMatchObject({ dueDate: '2026-12-15', state: 'running' });
    expect(d.deadline!.explanation).toContain(
      '依据《中华人民共和国政府信息公开条例》第三十条重新计算期限（收到补正后的申请，重新计算答复期限）：2026-11-24（星期二）19:00收到，以当日为起算日（起算日不计入期限）',
    );
  });

  it('LAW-30: correction is asked only once: a second request after the answer → 409 CORRECTION_ONCE', async () => {
    const c = city();
    expectError(await act(c, ids.a!, 'request_correction', { needed: '请再说明用途' }), 409, 'CORRECTION_ONCE', /补正只能要求一次（《中华人民共和国政府信息公开条例》第三十条）/);
  });
  it('LAW-30: a correction "received" before the application itself is refused with 400, not a server error', async () => {
    const c = city();
    const r = await register(c, { description: request(5), idNumber: idOf(5) });
    json(await act(c, r.id, 'request_correction', { needed: '请明确年度' }));
    const res = await act(c, r.id, 'correct', { correction: '2026年度', receivedAt: '2026-11-20T10:00:00+08:00' });
    expect(res.statusCode, res.body).toBe(400);
  });

  it('LAW-30: a correction receipt time in the future is refused (400), like a registration\'s', async () => {
    const c = city();
    const r = await register(c, { description: request(6), idNumber: idOf(6) });
    json(await act(c, r.id, 'request_correction', { needed: '请明确年度' }));
    const res = await act(c, r.id, 'correct', { correction: '2026年度', receivedAt: '2026-12-20T10:00:00+08:00' });
    expect(res.statusCode, res.body).toBe(400);
    expect((await detail(c, r.id)).state).toBe('awaiting_correction');
  });

  it('LAW-30: on the 7th working day (Wednesday 12-02) it may still be asked', async () => {
    const c = city();
    c.advanceTo('2026-12-02T16:00:00+08:00');
    const d = json<Detail>(await act(c, ids.b!, 'request_correction', { needed: '请明确申请的具体信息名称' }));
    expect(d.state).toBe('awaiting_correction');
    // 12-02 + 15 working days → 12-23.
    expect(d.correction!.due).toBe('2026-12-23');
  });

  it('LAW-30: after 7 working days (Thursday 12-03) it is too late (409 CORRECTION_TOO_LATE), and the case stays as it was', async () => {
    const c = city();
    c.advanceTo('2026-12-03T10:00:00+08:00');
    expectError(await act(c, ids.c!, 'request_correction', { needed: '请明确' }), 409, 'CORRECTION_TOO_LATE', /须在收到申请之日起7个工作日内一次性告知补正（《中华人民共和国政府信息公开条例》第三十条）/);
    const d = await detail(c, ids.c!);
    expect(d).toMatchObject({ state: 'received', correction: null });
    expect(d.files).toEqual([]);
  });

  it('LAW-30: once the correction period has passed (12-24) the office closes the case: 已终止, outcome other_no_correction', async () => {
    const c = city();
    c.advanceTo('2026-12-23T17:00:00+08:00');
    expectError(await act(c, ids.b!, 'close_no_correction'), 409, 'CORRECTION_PERIOD_RUNNING', /补正期限至 2026-12-23/);
    c.advanceTo('2026-12-24T09:00:00+08:00');
    const d = json<Detail>(await act(c, ids.b!, 'close_no_correction'));
    expect(d).toMatchObject({ state: 'closed', stateLabel: '已终止', outcome: 'other_no_correction' });
    expect(d.finishedAt).toBe('2026-12-24T01:00:00.000Z');
    expect(d.actions).toEqual([]);
  });
  it('LAW-30: a correction asked after the case was assigned, still within 7 working days, is accepted', async () => {
    const c = city();
    c.advanceTo('2026-12-28T09:00:00+08:00');
    const r = await register(c, { description: request(4), idNumber: idOf(4) });
    json(await act(c, r.id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    const d = json<Detail>(await act(c, r.id, 'request_correction', { needed: '请明确所需信息的时间范围' }));
    expect(d.state).toBe('awaiting_correction');
  });
});

// ---- 3 ---------------------------------------------------------------------------------------------

describe('3. consultation: the clock stops while a third party or another agency is asked (LAW-32, LAW-34)', () => {
  const city = withCity();
  let id = '';

  beforeAll(async () => {
    const c = city();
    id = (await register(c)).id; // Monday 11-23 10:00 → due 12-14
    json(await act(c, id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
  });

  it('LAW-32: asking a third party on Wednesday 11-25 pauses the reply term (2 working days used)', async () => {
    const c = city();
    c.advanceTo('2026-11-25T10:00:00+08:00');
    const d = json<Detail>(await call(c, await c.as('rsj.office'), 'POST', `/applications/${id}/consultations`, { kind: 'third_party', party: '示例人力资源服务有限公司' }));
    expect(d.state).toBe('handling');
    expect(d.consultations).toHaveLength(1);
    expect(d.consultations[0]).toMatchObject({ kind: 'third_party', party: '示例人力资源服务有限公司', answeredAt: null });
    expect(d.deadline).toMatchObject({ state: 'paused', dueDate: '2026-12-14' });
    expect(d.deadline!.explanation.join('\n')).toMatch(/2026-11-25（星期三）起暂停计时（征求示例人力资源服务有限公司意见，2026-12-16前答复，依据《中华人民共和国政府信息公开条例》第三十二条不计入期限），此前已用2个工作日；尚未恢复/);
  });

  it('LAW-32: one consultation at a time (409 CONSULTATION_OPEN); only the office consults (403)', async () => {
    const c = city();
    expectError(await call(c, await c.as('rsj.office'), 'POST', `/applications/${id}/consultations`, { kind: 'agency', party: '示例市财政局' }), 409, 'CONSULTATION_OPEN', /已有未结束的征求意见/);
    expectError(await call(c, await c.as('rsj.drafter'), 'POST', `/applications/${id}/consultations`, { kind: 'agency', party: '示例市财政局' }), 403, 'FORBIDDEN');
  });

  it('LAW-32: the reply cannot be signed while the consultation is open (409 CONSULTATION_OPEN), even with all three reviews', async () => {
    const c = city();
    json(await act(c, id, 'draft_reply', { outcome: 'granted', text: '经征求第三方意见，予以公开。' }, 'rsj.drafter'));
    json(await reviewAs(c, id, 'confidentiality', 'rsj.secrecy'));
    json(await reviewAs(c, id, 'legality', 'rsj.office'));
    json(await reviewAs(c, id, 'opinion_risk', 'rsj.opinion'));
    expectError(await act(c, id, 'approve_reply', {}, 'rsj.leader'), 409, 'CONSULTATION_OPEN', /尚有未结束的征求意见，期限暂停中（《中华人民共和国政府信息公开条例》第三十二条、第三十四条）/);
    expect((await detail(c, id)).state).toBe('reviewing');
  });

  it('LAW-32: disclosing over the third party\'s refusal for the public interest needs a written notice (400 NOTICE_REQUIRED)', async () => {
    const c = city();
    c.advanceTo('2026-12-02T10:00:00+08:00');
    const consultation = (await detail(c, id)).consultations[0]!.id;
    const res = await call(c, await c.as('rsj.office'), 'POST', `/application-consultations/${consultation}/answer`, { answer: 'refuse', text: '不同意公开', overrideReason: '涉及公共利益，不公开会对公共利益造成重大影响' });
    expectError(res, 400, 'NOTICE_REQUIRED', /以公共利益为由决定公开的，须书面告知第三方（《中华人民共和国政府信息公开条例》第三十二条）/);
    expect((await detail(c, id)).deadline!.state).toBe('paused');
  });

  it('LAW-32: the answer on Wednesday 12-02 restarts the clock: the due date moves by the 5 paused working days, 12-14 → 12-21', async () => {
    const c = city();
    const consultation = (await detail(c, id)).consultations[0]!.id;
    const res = await call(c, await c.as('rsj.office'), 'POST', `/application-consultations/${consultation}/answer`, {
      answer: 'refuse', text: '不同意公开', overrideReason: '涉及公共利益，不公开会对公共利益造成重大影响', notice: '已于2026年12月2日书面告知第三方拟公开的内容和理由',
    });
    expect(res.statusCode, res.body).toBe(204);
    const d = await detail(c, id);
    expect(d.consultations[0]).toMatchObject({ answer: 'refuse', answeredAt: '2026-12-02T02:00:00.000Z', notice: '已于2026年12月2日书面告知第三方拟公开的内容和理由' });
    // 2 used before the pause, 13 left counted after Wednesday 12-02: 12-03, 04, 07–11, 14–18, 21.
    expect(d.deadline).toMatchObject({ state: 'running', dueDate: '2026-12-21' });
    expect(d.deadline!.explanation.join('\n')).toMatch(/2026-12-02（星期三）恢复计时（恢复当日不计入期限）/);
  });

  it('LAW-32: with the consultation answered, the leader signs: 已答复', async () => {
    const c = city();
    const d = json<Detail>(await act(c, id, 'approve_reply', {}, 'rsj.leader'));
    expect(d).toMatchObject({ state: 'replied', outcome: 'granted', finishedAt: '2026-12-02T02:00:00.000Z' });
  });

  it('LAW-34: another agency consulted pauses the clock under LAW-34; its answer resumes it', async () => {
    const c = city();
    // Received Wednesday 12-02 10:00 → due 12-23; consulted at once (0 used), answered Friday 12-04 → 15 after 12-04 → 12-25.
    const r = await register(c, { description: request(5), idNumber: idOf(5) });
    json(await act(c, r.id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    expect((await detail(c, r.id)).deadline!.dueDate).toBe('2026-12-23');
    const d = json<Detail>(await call(c, await c.as('rsj.office'), 'POST', `/applications/${r.id}/consultations`, { kind: 'agency', party: '示例市财政局' }));
    expect(d.deadline!.explanation.join('\n')).toMatch(/起暂停计时（征求示例市财政局意见，\d{4}-\d{2}-\d{2}前答复，依据《中华人民共和国政府信息公开条例》第三十四条不计入期限）/);
    c.advanceTo('2026-12-04T15:00:00+08:00');
    const consultation = d.consultations[0]!.id;
    // LAW-34: silence can be recorded only after the other agency's 15 working days (12-03..04, 07..11, 14..18, 21..23 → 12-23).
    expectError(await call(c, await c.as('rsj.office'), 'POST', `/application-consultations/${consultation}/answer`, { answer: 'no_answer', text: '' }), 409, 'CONSULTATION_PERIOD_RUNNING', /征求意见期限至 2026-12-23/);
    expect((await call(c, await c.as('rsj.office'), 'POST', `/application-consultations/${consultation}/answer`, { answer: 'consent', text: '同意公开' })).statusCode).toBe(204);
    expect((await detail(c, r.id)).deadline).toMatchObject({ state: 'running', dueDate: '2026-12-25' });
  });

  it('LAW-32, LAW-34: each party\'s 15 working days are a stored deadline, reminded, red once passed; then silence: the agency\'s is consent, the third party\'s is silence', async () => {
    const c = city();
    const agencyCase = await register(c, { description: request(6), idNumber: idOf(6) });
    const partyCase = await register(c, { description: request(7), idNumber: idOf(7) });
    for (const id of [agencyCase.id, partyCase.id]) json(await act(c, id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    json(await call(c, await c.as('rsj.office'), 'POST', `/applications/${agencyCase.id}/consultations`, { kind: 'agency', party: '示例市财政局' }));
    const asked = json<Detail & { consultations: { deadline: Deadline }[] }>(await call(c, await c.as('rsj.office'), 'POST', `/applications/${partyCase.id}/consultations`, { kind: 'third_party', party: '示例科技有限公司' }));
    // Asked Friday 12-04 15:00: 12-07..11 (5), 12-14..18 (10), 12-21..25 (15) → 12-25.
    expect(asked.consultations[0]!.deadline).toMatchObject({ dueDate: '2026-12-25', state: 'running', light: 'green' });
    expect(asked.consultations[0]!.deadline.explanation.at(-1)).toBe('依据《中华人民共和国政府信息公开条例》第三十二条，期限为15个工作日，截止于2026-12-25（星期五）24时');
    const todos = json<{ items: { title: string; due: string; light: string }[] }>(await call(c, await c.as('rsj.office'), 'GET', '/todos'));
    expect(todos.items).toContainEqual(expect.objectContaining({ title: `征求意见待答复（示例科技有限公司）：${partyCase.regNumber}`, due: '2026-12-25', light: 'green' }));
    c.advanceTo('2026-12-28T09:00:00+08:00');
    const late = json<Detail & { consultations: { deadline: Deadline }[] }>(await call(c, await c.as('rsj.office'), 'GET', `/applications/${partyCase.id}`));
    expect(late.consultations[0]!.deadline).toMatchObject({ state: 'overdue', light: 'red' });
    for (const [id, expected] of [[agencyCase.id, 'consent'], [partyCase.id, 'no_answer']] as const) {
      const c0 = (await detail(c, id)).consultations[0]!;
      expect((await call(c, await c.as('rsj.office'), 'POST', `/application-consultations/${c0.id}/answer`, { answer: 'no_answer', text: '' })).statusCode).toBe(204);
      const after = (await detail(c, id)).consultations[0]! as unknown as { answer: string; answerText: string };
      expect(after.answer).toBe(expected);
      expect(after.answerText).toMatch(expected === 'consent' ? /^逾期未提出意见，视为同意/ : /^第三方逾期未提出意见，由本机关依照/);
    }
  });
});

// ---- 4 ---------------------------------------------------------------------------------------------

describe('4. extension: once, by a leader, by the agency\'s extension term (LAW-33, APP-4)', () => {
  const city = withCity();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const c = city();
    // Both received on Monday 11-02: 15 working days end today, Monday 11-23.
    ids.a = (await register(c, { receivedAt: '2026-11-02T10:00:00+08:00' })).id;
    ids.b = (await register(c, { receivedAt: '2026-11-02T09:00:00+08:00', description: request(1), idNumber: idOf(1) })).id;
    ids.ybj = (await register(c, { description: request(2) }, 'ybj.office')).id;
  });

  it('APP-4: on its due day the case shows yellow, 0 working days left', async () => {
    const c = city();
    expect((await detail(c, ids.a!)).deadline).toMatchObject({ dueDate: '2026-11-23', state: 'running', light: 'yellow' });
  });

  it('LAW-33: only a leader extends: the office and a drafter → 403; a YBJ leader cannot extend an RSJ case → 403', async () => {
    const c = city();
    for (const who of ['rsj.office', 'rsj.drafter']) {
      expectError(await call(c, await c.as(who), 'POST', `/applications/${ids.a}/extend`, { reason: '需要调取档案' }), 403, 'FORBIDDEN');
    }
    expectError(await call(c, await c.as('ybj.leader'), 'POST', `/applications/${ids.a}/extend`, { reason: '需要调取档案' }), 403, 'FORBIDDEN');
    expect((await detail(c, ids.a!)).deadline!.dueDate).toBe('2026-11-23');
  });

  it('LAW-33: the leader extends by RSJ\'s 15 working days, 11-23 → 12-14, and an extension letter is stored', async () => {
    const c = city();
    const d = json<Detail>(await call(c, await c.as('rsj.leader'), 'POST', `/applications/${ids.a}/extend`, { reason: '申请的信息需要调取历史档案并进行汇总' }));
    expect(d.deadline).toMatchObject({ dueDate: '2026-12-14', state: 'running', light: 'green' });
    expect(d.deadline!.explanation).toContain('经本机关负责人刘副局长批准，依据《中华人民共和国政府信息公开条例》第三十三条第二款延长15个工作日，截止日期由2026-11-23（星期一）延至2026-12-14（星期一）');
    expect(d.steps.map((s) => s.note).join('\n')).toContain('延期至 2026-12-14：申请的信息需要调取历史档案并进行汇总');
    expect(letterKinds(d)).toEqual(['letter_extension.docx', 'letter_extension.pdf']);
    for (const format of ['docx', 'pdf'] as const) {
      const text = await letterText(c, d, 'letter_extension', format);
      expect(text).toContain('政府信息公开申请延期答复告知书');
      expect(text).toContain('因申请的信息需要调取历史档案并进行汇总');
      expect(text).toContain('本机关将于2026年12月14日前作出答复');
    }
  });

  it('LAW-33: a second extension → 409 EXTENSION_ONCE', async () => {
    const c = city();
    expectError(await call(c, await c.as('rsj.leader'), 'POST', `/applications/${ids.a}/extend`, { reason: '仍需时间' }), 409, 'EXTENSION_ONCE', /答复期限只能延长一次（《中华人民共和国政府信息公开条例》第三十三条）/);
    expect((await detail(c, ids.a!)).deadline!.dueDate).toBe('2026-12-14');
  });
  it('LAW-33: the extension letter states the extension actually granted (15 working days for RSJ)', async () => {
    const c = city();
    const text = await letterText(c, await detail(c, ids.a!), 'letter_extension', 'docx');
    expect(text).not.toContain('延长20个工作日');
    expect(text).toContain('延长15个工作日');
  });

  it('LAW-33: YBJ extends by its 20 working days; a due date in 2027 is provisional (the 2027 calendar is not published)', async () => {
    const c = city();
    const d = json<Detail>(await call(c, await c.as('ybj.leader'), 'POST', `/applications/${ids.ybj}/extend`, { reason: '需要会同有关部门核实' }));
    // 12-21 + 20 working days by the weekend rule: 12-22..25, 28..31, 2027-01-01, 04..08, 11..15, 18.
    expect(d.deadline).toMatchObject({ dueDate: '2027-01-18', provisional: true, provisionalYears: [2027] });
    expect(d.deadline!.explanation.at(-1)).toMatch(/2027年的节假日安排尚未公布/);
  });

  it('LAW-33: once the due date has passed (Tuesday 11-24) it can no longer be extended (409 EXTENSION_TOO_LATE)', async () => {
    const c = city();
    c.advanceTo('2026-11-24T09:00:00+08:00');
    expect((await detail(c, ids.b!)).deadline).toMatchObject({ dueDate: '2026-11-23', state: 'overdue', light: 'red' });
    expectError(await call(c, await c.as('rsj.leader'), 'POST', `/applications/${ids.b}/extend`, { reason: '来不及' }), 409, 'EXTENSION_TOO_LATE', /答复期限已过，不能再延长（《中华人民共和国政府信息公开条例》第三十三条）/);
    expect((await detail(c, ids.b!)).files).toEqual([]);
  });

  it('LAW-33: a case already answered cannot be extended (400 APPLICATION_CLOSED)', async () => {
    const c = city();
    const r = await register(c, { description: request(3), idNumber: idOf(3) });
    await replyWith(c, r.id, 'granted');
    expectError(await call(c, await c.as('rsj.leader'), 'POST', `/applications/${r.id}/extend`, { reason: '补充' }), 400, 'APPLICATION_CLOSED', /申请已办结，不能延期/);
  });
});

// ---- 5 ---------------------------------------------------------------------------------------------

describe('5. fees: only above ten applications a month, the wait not counted (LAW-42, APP-9)', () => {
  const city = withCity();
  const apps: string[] = [];

  beforeAll(async () => {
    const c = city();
    for (let n = 0; n < 10; n++) apps.push((await register(c, { description: request(n) })).id);
  });

  it('APP-9: the 10th application of the month cannot be charged (400 FEE_NOT_DUE), by count or for 30 pages', async () => {
    const c = city();
    const tenth = apps[9]!;
    json(await act(c, tenth, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    expectError(await act(c, tenth, 'notify_fee', { feeBasis: 'count' }), 400, 'FEE_NOT_DUE', /未超过收费标准，不得收费（《政府信息公开信息处理费管理办法》）/);
    expectError(await act(c, tenth, 'notify_fee', { feeBasis: 'pages', pages: 30 }), 400, 'FEE_NOT_DUE');
    const d = await detail(c, tenth);
    expect(d).toMatchObject({ state: 'handling', fee: null });
    expect(d.files).toEqual([]);
  });

  it('LAW-42: 150 pages in one application cost 70 × ¥10 + 50 × ¥20 = ¥1,700, stepped per page, whatever the count', async () => {
    const c = city();
    const ninth = apps[8]!;
    json(await act(c, ninth, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    const d = json<Detail>(await act(c, ninth, 'notify_fee', { feeBasis: 'pages', pages: 150 }));
    expect(d.fee).toMatchObject({ amount: 1700, by: 'pages', pages: 150, basis: '按量计收：本件 150 页' });
    expect(d.fee!.due).toBeUndefined();
    // The notice speaks of the quantity, not of 数量、频次.
    const text = await letterText(c, d, 'letter_fee', 'pdf');
    expect(text).toContain('数量明显超过合理范围（共150页）');
    expect(text).not.toContain('数量、频次明显超过合理范围');
  });

  it('LAW-42: the 11th is flagged excessive and can be charged ¥100; the notice stops the reply clock and is stored as a letter', async () => {
    const c = city();
    const r = await register(c, { description: request(10) });
    apps.push(r.id);
    expect((await detail(c, r.id)).flags).toEqual(['excessive']);
    json(await act(c, r.id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    const d = json<Detail>(await act(c, r.id, 'notify_fee', {}));
    // LAW-42: the 20 working days run from the applicant's receipt of the notice, not yet known.
    expect(d).toMatchObject({ state: 'awaiting_fee', stateLabel: '待缴费' });
    expect(d.fee).toMatchObject({ amount: 100, by: 'count', basis: '按件计收：该申请人本月第 11 件申请' });
    expect(d.fee!.due).toBeUndefined();
    expect(d.deadline!.state).toBe('paused');
    expect(d.deadline!.explanation.join('\n')).toMatch(/起暂停计时（等待缴纳信息处理费，依据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》不计入期限）/);
    expect(letterKinds(d)).toEqual(['letter_fee.docx', 'letter_fee.pdf']);
    const text = await letterText(c, d, 'letter_fee', 'pdf');
    expect(text).toContain('政府信息公开信息处理费缴费通知书');
    expect(text).toContain('本机关决定收取信息处理费人民币100元');
    expect(text).toContain('请您自收到本通知书之日起20个工作日内缴纳上述费用');
    expect(text).toContain('频次明显超过合理范围（本月第11件申请）');
  });

  it('LAW-42: a 12th is charged too; only the office sends a fee notice (a drafter → 403)', async () => {
    const c = city();
    const r = await register(c, { description: request(11) });
    apps.push(r.id);
    json(await act(c, r.id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    expectError(await act(c, r.id, 'notify_fee', {}, 'rsj.drafter'), 403, 'FORBIDDEN');
    expect(json<Detail>(await act(c, r.id, 'notify_fee', {})).fee).toMatchObject({ amount: 100 });
    // LAW-42: the applicant received the notice that Monday: 20 working days → 11-24..27 (4), 11-30..12-04 (9), 12-07..11 (14), 12-14..18 (19), 12-21 (20).
    const got = json<Detail & { feeDeadline: Deadline | null }>(await act(c, r.id, 'fee_notice_received', { receivedAt: '2026-11-23T10:00:00+08:00' }));
    expect(got.fee).toMatchObject({ amount: 100, due: '2026-12-21', noticeReceivedAt: '2026-11-23T02:00:00.000Z' });
    expect(got.feeDeadline).toMatchObject({ dueDate: '2026-12-21', state: 'running' });
    expect(got.feeDeadline!.explanation[0]).toBe('2026-11-23（星期一）10:00申请人收到收费通知，以当日为起算日（起算日不计入期限）');
  });
  it('APP-9: the 1st application of the month stays free after the 11th has arrived (400 FEE_NOT_DUE)', async () => {
    const c = city();
    const first = apps[0]!;
    json(await act(c, first, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    expectError(await act(c, first, 'notify_fee', {}), 400, 'FEE_NOT_DUE');
  });

  it('LAW-42: paid on Thursday 11-26 → 办理中 again; the three days waited do not count: due 12-17 instead of 12-14', async () => {
    const c = city();
    c.advanceTo('2026-11-26T10:00:00+08:00');
    const d = json<Detail>(await act(c, apps[10]!, 'fee_paid'));
    expect(d.state).toBe('handling');
    expect(d.fee!.paidAt).toBe('2026-11-26T02:00:00.000Z');
    // Paused on the start day (0 used), resumed 11-26: 15 working days after it → 12-17.
    expect(d.deadline).toMatchObject({ state: 'running', dueDate: '2026-12-17' });
  });

  it('LAW-42: unpaid, the case cannot be closed before the fee period ends (409 FEE_PERIOD_RUNNING, still on 12-21)', async () => {
    const c = city();
    expectError(await act(c, apps[11]!, 'close_no_fee'), 409, 'FEE_PERIOD_RUNNING', /缴费期限至 2026-12-21，期满后才能终止（《中华人民共和国政府信息公开条例》第四十二条）/);
    c.advanceTo('2026-12-21T16:00:00+08:00');
    expectError(await act(c, apps[11]!, 'close_no_fee'), 409, 'FEE_PERIOD_RUNNING');
  });

  it('LAW-42: unpaid after 20 working days → closed, outcome other_no_fee', async () => {
    const c = city();
    c.advanceTo('2026-12-22T09:00:00+08:00');
    const d = json<Detail>(await act(c, apps[11]!, 'close_no_fee'));
    expect(d).toMatchObject({ state: 'closed', stateLabel: '已终止', outcome: 'other_no_fee', finishedAt: '2026-12-22T01:00:00.000Z' });
  });
});

// ---- 6 ---------------------------------------------------------------------------------------------

describe('6. the reply: drafted by the department, three reviews, signed by the leader (APP-6, APP-7, LAW-36, LAW-37, APP-5)', () => {
  const city = withCity();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const c = city();
    ids.a = (await register(c)).id;
    ids.transfer = (await register(c, {
      channel: 'transfer', description: request(1), idNumber: idOf(1), name: '王转办',
      transfer: { from: '示例市政务公开中心', handedOverAt: '2026-11-23T09:00:00+08:00', record: '交接单 ZX-2026-120' },
    })).id;
  });

  it('ORG-4: the office assigns to 就业促进科 (a unit of another agency → 400 UNIT_INVALID)', async () => {
    const c = city();
    expectError(await act(c, ids.a!, 'assign', { unitId: await unitId(c, 'YBJ', '待遇保障科') }), 400, 'UNIT_INVALID', /请选择本机关在用的承办部门/);
    const d = json<Detail>(await act(c, ids.a!, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    expect(d).toMatchObject({ state: 'handling', stateLabel: '办理中', unitName: '就业促进科' });
    expect(d.steps.map((s) => s.note)).toContain('分办至就业促进科');
  });

  it('ORG-3: a drafter of another unit (社会保险科) cannot draft the reply (403)', async () => {
    const c = city();
    expectError(await act(c, ids.a!, 'draft_reply', { outcome: 'partial', text: '部分涉及个人隐私' }, 'rsj.sb'), 403, 'FORBIDDEN', /只有承办科室的工作人员可以拟定答复/);
    expect((await detail(c, ids.a!, 'rsj.sb')).actions).not.toContain('draft_reply');
    expect((await detail(c, ids.a!, 'rsj.drafter')).actions).toContain('draft_reply');
  });

  it('LAW-37: rsj.drafter drafts a partial disclosure with its reasons → 答复审核', async () => {
    const c = city();
    const d = json<Detail>(await act(c, ids.a!, 'draft_reply', { outcome: 'partial', text: '名单中的身份证号码和银行账号属于个人隐私，公开会对第三方合法权益造成损害' }, 'rsj.drafter'));
    expect(d).toMatchObject({ state: 'reviewing', stateLabel: '答复审核' });
    expect(d.reply).toMatchObject({ outcome: 'partial', draftedBy: '张拟稿' });
  });

  it('APP-6: signing before the reviews → 409 REVIEWS_MISSING naming the missing ones', async () => {
    const c = city();
    expectError(await act(c, ids.a!, 'approve_reply', {}, 'rsj.leader'), 409, 'REVIEWS_MISSING', /尚缺：保密审查、合法性审查、舆情风险评估$/);
  });

  it('APP-6: each review only by its role: a drafter or the office cannot do the confidentiality review, the opinion lead not the legality review (403)', async () => {
    const c = city();
    expectError(await reviewAs(c, ids.a!, 'confidentiality', 'rsj.drafter'), 403, 'FORBIDDEN');
    expectError(await reviewAs(c, ids.a!, 'confidentiality', 'rsj.office'), 403, 'FORBIDDEN');
    expectError(await reviewAs(c, ids.a!, 'legality', 'rsj.opinion'), 403, 'FORBIDDEN');
    expectError(await reviewAs(c, ids.a!, 'opinion_risk', 'rsj.secrecy'), 403, 'FORBIDDEN');
    expect((await detail(c, ids.a!)).reviews).toEqual([]);
  });

  it('APP-6: after the confidentiality review, the other two are still named as missing', async () => {
    const c = city();
    const d = json<Detail>(await reviewAs(c, ids.a!, 'confidentiality', 'rsj.secrecy', '不涉及国家秘密'));
    expect(d.reviews).toEqual([expect.objectContaining({ kind: 'confidentiality', byName: '赵保密' })]);
    expectError(await act(c, ids.a!, 'approve_reply', {}, 'rsj.leader'), 409, 'REVIEWS_MISSING', /尚缺：合法性审查、舆情风险评估$/);
    json(await reviewAs(c, ids.a!, 'legality', 'rsj.office', '答复依据准确'));
    expectError(await act(c, ids.a!, 'approve_reply', {}, 'rsj.leader'), 409, 'REVIEWS_MISSING', /尚缺：舆情风险评估$/);
    json(await reviewAs(c, ids.a!, 'opinion_risk', 'rsj.opinion', '舆情风险低'));
  });

  it('APP-6: only the leader signs: the office and the drafter → 403', async () => {
    const c = city();
    expectError(await act(c, ids.a!, 'approve_reply', {}, 'rsj.office'), 403, 'FORBIDDEN');
    expectError(await act(c, ids.a!, 'approve_reply', {}, 'rsj.drafter'), 403, 'FORBIDDEN');
  });

  it('LAW-36: the leader signs → 已答复, outcome partial, a 答复告知书 in DOCX and PDF with the reasons and the remedies', async () => {
    const c = city();
    const d = json<Detail>(await act(c, ids.a!, 'approve_reply', {}, 'rsj.leader'));
    expect(d).toMatchObject({ state: 'replied', stateLabel: '已答复', outcome: 'partial' });
    expect(d.reply).toMatchObject({ outcome: 'partial', approvedBy: '刘副局长' });
    expect(d.finishedAt).toBe('2026-11-23T02:00:00.000Z');
    expect(letterKinds(d)).toEqual(['letter_reply.docx', 'letter_reply.pdf']);
    for (const format of ['docx', 'pdf'] as const) {
      const text = await letterText(c, d, 'letter_reply', format);
      expect(text).toContain('政府信息公开申请答复告知书');
      expect(text).toContain(`${NAME}：`);
      expect(text).toContain('本机关于2026年11月23日收到您提出的政府信息公开申请（编号：RSJ-YSQ-2026-0001）');
      // APP-7: the 答复意见及依据 as drafted, reviewed and signed, not a standard paragraph.
      expect(text).toContain('现答复如下：名单中的身份证号码和银行账号属于个人隐私，公开会对第三方合法权益造成损害如对本答复不服');
      expect(text).not.toContain('能够作区分处理');
      expect(text).toMatch(/60日内向示例市人民政府申请行政复议/);
      expect(text).toContain('或者自收到本告知书之日起6个月内向有管辖权的人民法院提起行政诉讼');
      expect(text).toContain('示例市人力资源和社会保障局');
      // GB/T 9704: 发文字号 first; the 成文日期 in Chinese numerals; the agency's phone as contact line.
      expect(text).toMatch(/^〔2026〕\d+号政府信息公开申请答复告知书/);
      expect(text).toContain('二〇二六年十一月二十三日（联系电话：0310-1234333）');
    }
    expect(d.actions).toEqual([]);
  });
  it('APP-4: the signed reply shows its reply term met in time (green, due 2026-12-14), in the case and in the queue', async () => {
    const c = city();
    const d = await detail(c, ids.a!);
    expect(d.deadline).toMatchObject({ state: 'met', metLate: false, light: 'green', dueDate: '2026-12-14' });
    const list = json<{ items: { id: string; due: { dueDate: string; state: string } | null }[] }>(await call(c, await c.as('rsj.office'), 'GET', '/applications'));
    expect(list.items.find((i) => i.id === ids.a)!.due).toMatchObject({ dueDate: '2026-12-14', state: 'met', light: 'green' });
  });

  it('APP-7: a replied case takes no further workflow step (409 TRANSITION_NOT_ALLOWED)', async () => {
    const c = city();
    expectError(await act(c, ids.a!, 'draft_reply', { outcome: 'granted', text: '改为公开' }, 'rsj.drafter'), 409, 'TRANSITION_NOT_ALLOWED', /申请当前处于“已答复”状态，不能执行“拟定答复”/);
  });

  it('APP-7: delivery is recorded with method, date and proof; before the reply it is refused (400 NOT_REPLIED)', async () => {
    const c = city();
    expectError(await call(c, await c.as('rsj.office'), 'POST', `/applications/${ids.transfer}/delivery`, { method: '邮寄', on: '2026-11-23', proof: 'EMS' }), 400, 'NOT_REPLIED', /答复签发后才能登记送达/);
    expectError(await call(c, await c.as('rsj.office'), 'POST', `/applications/${ids.a}/delivery`, { method: '电子邮件', on: '2026-11-01', proof: '回执' }), 400, 'DELIVERY_BEFORE_SIGNING', /送达日期不能早于答复签发日期/);
    const d = json<Detail>(await call(c, await c.as('rsj.office'), 'POST', `/applications/${ids.a}/delivery`, { method: '电子邮件', on: '2026-11-23', proof: '发送回执 MSG-20261123-01' }));
    expect(d.deliveryRecord).toEqual({ method: '电子邮件', on: '2026-11-23', proof: '发送回执 MSG-20261123-01' });
    expect(d.transfer).toBeNull();
  });

  it('APP-5: a transferred case, replied and delivered, is reported back to the disclosure centre', async () => {
    const c = city();
    const replied = await replyWith(c, ids.transfer!, 'granted', '相关信息予以提供。');
    expect(replied.state).toBe('replied');
    expect(replied.transfer!.reportedBackAt).toBeUndefined();
    const d = json<Detail>(await call(c, await c.as('rsj.office'), 'POST', `/applications/${ids.transfer}/delivery`, { method: '邮寄', on: '2026-11-24', proof: 'EMS 1180000000001' }));
    expect(d.transfer).toMatchObject({ from: '示例市政务公开中心', record: '交接单 ZX-2026-120', reportedBackAt: '2026-11-23T02:00:00.000Z', report: '已于 2026-11-24 以邮寄送达答复' });
  });

  it('APP-6: a reply returned by the leader needs a note (400 NOTE_REQUIRED) and goes back to 办理中', async () => {
    const c = city();
    const r = await register(c, { description: request(2), idNumber: idOf(2) });
    json(await act(c, r.id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    json(await act(c, r.id, 'draft_reply', { outcome: 'granted', text: '予以提供' }, 'rsj.drafter'));
    expectError(await act(c, r.id, 'return_reply', {}, 'rsj.leader'), 400, 'NOTE_REQUIRED', /退回须写明意见/);
    const d = json<Detail>(await act(c, r.id, 'return_reply', { note: '请核实是否涉及个人信息' }, 'rsj.leader'));
    expect(d.state).toBe('handling');
    expect(d.steps).toContainEqual(expect.objectContaining({ action: 'return_reply', actionLabel: '退回答复', note: '请核实是否涉及个人信息' }));
  });
  it('APP-6: a redrafted reply after a return needs its three reviews again (409 REVIEWS_MISSING)', async () => {
    const c = city();
    const r = await register(c, { description: request(3), idNumber: idOf(3) });
    json(await act(c, r.id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    json(await act(c, r.id, 'draft_reply', { outcome: 'granted', text: '予以提供' }, 'rsj.drafter'));
    json(await reviewAs(c, r.id, 'confidentiality', 'rsj.secrecy'));
    json(await reviewAs(c, r.id, 'legality', 'rsj.office'));
    json(await reviewAs(c, r.id, 'opinion_risk', 'rsj.opinion'));
    json(await act(c, r.id, 'return_reply', { note: '涉及第三方，请改为不予公开' }, 'rsj.leader'));
    json(await act(c, r.id, 'draft_reply', { outcome: 'refused_third_party', text: '涉及第三方商业秘密' }, 'rsj.drafter'));
    expectError(await act(c, r.id, 'approve_reply', {}, 'rsj.leader'), 409, 'REVIEWS_MISSING');
  });
});

// ---- 7 ---------------------------------------------------------------------------------------------

describe('7. withdrawal, repeat and excess: flagged for the office, never refused at the door (LAW-35)', () => {
  const city = withCity();
  let first: Registered;

  it('LAW-35: the same applicant asking again in other words is flagged repeat, pointing to the first application', async () => {
    const c = city();
    first = await register(c, { description: '请公开2026年度本市高校毕业生就业见习补贴的发放名单及发放金额' });
    expect((await detail(c, first.id)).flags).toEqual([]);
    const again = await register(c, { description: '申请公开本市2026年度高校毕业生就业见习补贴发放名单和发放金额' });
    const d = await detail(c, again.id);
    expect(d.flags).toEqual(['repeat']);
    expect(d.repeatOf).toBe(first.id);
    expect(d.steps[0]!.note).toMatch(/提示：疑似重复申请/);
  });

  it('LAW-35: another applicant asking the same is no repeat', async () => {
    const c = city();
    const other = await register(c, { idNumber: idOf(7), name: '赵另一' });
    expect(await detail(c, other.id)).toMatchObject({ flags: [], repeatOf: null });
  });

  it('LAW-35: the 11th application in a month by the same applicant is flagged excessive, the 10th not; all are registered (201)', async () => {
    const c = city();
    const regs: Registered[] = [];
    for (let n = 0; n < 9; n++) regs.push(await register(c, { description: request(n) }));
    expect((await detail(c, regs[7]!.id)).flags).toEqual([]); // the 10th
    expect((await detail(c, regs[8]!.id)).flags).toEqual(['excessive']); // the 11th
    const list = json<{ items: { id: string; flags: string[] }[] }>(await call(c, await c.as('rsj.office'), 'GET', '/applications?pageSize=50'));
    expect(list.items.find((i) => i.id === regs[8]!.id)!.flags).toEqual(['excessive']);
  });

  it('APP-1: withdrawing is the applicant\'s act: the office cannot withdraw for them (403)', async () => {
    const c = city();
    expectError(await act(c, first.id, 'withdraw'), 403, 'FORBIDDEN');
    expect((await detail(c, first.id)).state).toBe('received');
  });

  it('APP-1: the applicant withdraws on the status page with the tracking code and secret → 已撤回, outcome other', async () => {
    const c = city();
    const res = await c.app.inject({
      method: 'POST', url: '/xxgk/status/withdraw', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ code: first.trackingCode, secret: first.secret, confirm: 'yes' }).toString(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = await detail(c, first.id);
    expect(d).toMatchObject({ state: 'withdrawn', stateLabel: '已撤回', outcome: 'other', finishedAt: '2026-11-23T02:00:00.000Z' });
    expect(d.steps.map((s) => s.action)).toContain('withdraw');
  });
  it('LAW-35: the same ID number with a lower-case check character x is the same applicant (repeat flag)', async () => {
    const c = city();
    const r = await register(c, { idNumber: ID_NUMBER.toLowerCase(), description: '请公开2026年度本市高校毕业生就业见习补贴的发放名单以及发放金额' });
    expect((await detail(c, r.id)).flags).toContain('repeat');
  });
  it('LAW-35: the natural month is Beijing time: ten applications on 11-01 at 01:00 Beijing make the 11th of November excessive', async () => {
    const c = city();
    const id = idOf(11);
    for (let n = 0; n < 10; n++) await register(c, { idNumber: id, description: request(n), receivedAt: '2026-10-31T17:00:00.000Z' });
    const r = await register(c, { idNumber: id, description: request(12), receivedAt: '2026-11-05T02:00:00.000Z' });
    expect((await detail(c, r.id)).flags).toEqual(['excessive']);
  });
});

// ---- 8 ---------------------------------------------------------------------------------------------

describe('8. appeals: reconsideration and lawsuits recorded with their result (APP-8)', () => {
  const city = withCity();
  let id = '';

  beforeAll(async () => {
    const c = city();
    id = (await register(c)).id;
  });

  it('APP-8: an appeal about a case still open is refused (400 NOT_REPLIED)', async () => {
    const c = city();
    expectError(await call(c, await c.as('rsj.office'), 'POST', `/applications/${id}/appeals`, { kind: 'reconsideration', filedOn: '2026-11-23', body: '示例市人民政府' }), 400, 'NOT_REPLIED', /只能对已答复或已终止的申请登记复议、诉讼/);
  });

  it('APP-8: a reconsideration is filed against the reply and shows as pending; only the office records it (a drafter → 403)', async () => {
    const c = city();
    await replyWith(c, id, 'refused_process', '所申请信息为内部讨论记录');
    expectError(await call(c, await c.as('rsj.drafter'), 'POST', `/applications/${id}/appeals`, { kind: 'reconsideration', filedOn: '2026-11-24', body: '示例市人民政府' }), 403, 'FORBIDDEN');
    const d = json<Detail>(await call(c, await c.as('rsj.office'), 'POST', `/applications/${id}/appeals`, { kind: 'reconsideration', filedOn: '2026-11-24', body: '示例市人民政府' }));
    expect(d.appeals).toEqual([expect.objectContaining({ kind: 'reconsideration', filedOn: '2026-11-24', body: '示例市人民政府', result: 'pending', resultOn: null })]);
  });

  it('APP-8: the result "corrected" is recorded with its date and note', async () => {
    const c = city();
    const appeal = (await detail(c, id)).appeals[0]!.id;
    const res = await call(c, await c.as('rsj.office'), 'POST', `/application-appeals/${appeal}/result`, { result: 'corrected', resultOn: '2026-11-23', note: '复议机关责令重新答复' });
    expect(res.statusCode, res.body).toBe(204);
    expect((await detail(c, id)).appeals[0]).toMatchObject({ result: 'corrected', resultOn: '2026-11-23', note: '复议机关责令重新答复' });
  });

  it('APP-8: a lawsuit is recorded beside it with its kind for table 4 (直接起诉 or 复议后起诉); another agency\'s office cannot record one (403)', async () => {
    const c = city();
    expectError(await call(c, await c.as('ybj.office'), 'POST', `/applications/${id}/appeals`, { kind: 'lawsuit_direct', filedOn: '2026-11-23', body: '示例市人民法院' }), 403, 'FORBIDDEN');
    // The kind without its table-4 column is refused.
    expectError(await call(c, await c.as('rsj.office'), 'POST', `/applications/${id}/appeals`, { kind: 'lawsuit', filedOn: '2026-11-23', body: '示例市某区人民法院' }), 400, 'VALIDATION_FAILED');
    json(await call(c, await c.as('rsj.office'), 'POST', `/applications/${id}/appeals`, { kind: 'lawsuit_after_reconsideration', filedOn: '2026-11-23', body: '示例市某区人民法院' }));
    const d = json<Detail>(await call(c, await c.as('rsj.office'), 'POST', `/applications/${id}/appeals`, { kind: 'lawsuit_direct', filedOn: '2026-11-23', body: '示例市某区人民法院' }));
    expect(d.appeals.map((a) => [a.kind, a.result]).sort()).toEqual([['lawsuit_after_reconsideration', 'pending'], ['lawsuit_direct', 'pending'], ['reconsideration', 'corrected']]);
  });
});

// ---- 9 ---------------------------------------------------------------------------------------------

describe('9. table 3 of the annual report: applications by applicant kind and outcome, with its check (LAW-49/50)', () => {
  const city = withCity();
  type Table = { rows: Record<string, Record<string, number>>; check: { ok: boolean; left: number; right: number } };

  beforeAll(async () => {
    const c = city();
    // Carried in from 2025: received on 2025-12-29, answered now.
    const old = await register(c, { description: request(0), idNumber: idOf(20), receivedAt: '2025-12-29T10:00:00+08:00' });
    await replyWith(c, old.id, 'granted', '予以提供');
    // Received in 2026.
    await replyWith(c, (await register(c, { description: request(1), idNumber: idOf(21) })).id, 'granted', '予以提供');
    await replyWith(c, (await register(c, { description: request(2), idNumber: idOf(22) })).id, 'unable_not_held', '本机关不掌握该信息', { holderAgency: '示例市统计局' });
    await register(c, { description: request(3), idNumber: idOf(23) }); // still open
    await replyWith(c, (await register(c, organisation('commercial', 1, { description: request(4) }))).id, 'partial', '部分内容涉及商业秘密');
    await replyWith(c, (await register(c, organisation('research', 2, { description: request(5) }))).id, 'refused_third_party', '涉及第三方商业秘密');
    await replyWith(c, (await register(c, organisation('other_org', 3, { description: request(6) }))).id, 'unprocessed_petition', '属于投诉举报事项');
    await replyWith(c, (await register(c, organisation('public_welfare', 4, { description: request(7) }))).id, 'other', '申请人已通过其他途径获取该信息');
    await register(c, organisation('legal_services', 5, { description: request(8) })); // still open
    // Another agency's application is not RSJ's.
    await register(c, { description: request(9) }, 'ybj.office');
  });

  it('LAW-49/50: 2026 counts new, carried-in, each outcome and carried-out by applicant kind; new + carried-in = results + carried-out', async () => {
    const c = city();
    const t = json<Table>(await call(c, await c.as('rsj.office'), 'GET', '/applications/stats/table3?from=2026-01-01&to=2026-12-31'));
    const zero = { natural: 0, commercial: 0, research: 0, public_welfare: 0, legal_services: 0, other_org: 0, total: 0 };
    expect(t.rows.new).toEqual({ ...zero, natural: 3, commercial: 1, research: 1, public_welfare: 1, legal_services: 1, other_org: 1, total: 8 });
    expect(t.rows.carried_in).toEqual({ ...zero, natural: 1, total: 1 });
    expect(t.rows.granted).toEqual({ ...zero, natural: 2, total: 2 });
    expect(t.rows.partial).toEqual({ ...zero, commercial: 1, total: 1 });
    expect(t.rows.refused_third_party).toEqual({ ...zero, research: 1, total: 1 });
    expect(t.rows.unable_not_held).toEqual({ ...zero, natural: 1, total: 1 });
    expect(t.rows.unprocessed_petition).toEqual({ ...zero, other_org: 1, total: 1 });
    expect(t.rows.other).toEqual({ ...zero, public_welfare: 1, total: 1 });
    expect(t.rows.refused_state_secret).toEqual(zero);
    expect(t.rows.results_total).toEqual({ ...zero, natural: 3, commercial: 1, research: 1, public_welfare: 1, other_org: 1, total: 7 });
    expect(t.rows.carried_out).toEqual({ ...zero, natural: 1, legal_services: 1, total: 2 });
    expect(t.check).toEqual({ ok: true, left: 9, right: 9 });
  });

  it('LAW-49/50: for 2025 the December application is new and carried out to 2026', async () => {
    const c = city();
    const t = json<Table>(await call(c, await c.as('rsj.leader'), 'GET', '/applications/stats/table3?from=2025-01-01&to=2025-12-31'));
    expect(t.rows.new!.total).toBe(1);
    expect(t.rows.results_total!.total).toBe(0);
    expect(t.rows.carried_out).toMatchObject({ natural: 1, total: 1 });
    expect(t.check).toEqual({ ok: true, left: 1, right: 1 });
  });

  it('LAW-49/50: a period ending before it starts → 400 PERIOD_INVALID; signed out → 401', async () => {
    const c = city();
    expectError(await call(c, await c.as('rsj.office'), 'GET', '/applications/stats/table3?from=2026-12-31&to=2026-01-01'), 400, 'PERIOD_INVALID', /起始日期不能晚于截止日期/);
    expectError(await call(c, null, 'GET', '/applications/stats/table3?from=2026-01-01&to=2026-12-31'), 401, 'AUTH_REQUIRED');
  });

  it('LAW-49/50: the Excel export is laid out as the national template: merged headers, numbered outcome rows, the counts and the check', async () => {
    const c = city();
    const res = await call(c, await c.as('rsj.office'), 'GET', '/applications/stats/table3.xlsx?from=2026-01-01&to=2026-12-31');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('依申请公开统计-2026-01-01至2026-12-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('表三')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push(Array.from({ length: 10 }, (_, i) => row.getCell(i + 1).value ?? '')));
    // A row's figures are its last seven cells (自然人, the five organisation kinds, 总计); its label is in the columns before.
    const figuresOf = (label: string) => rows.find((r) => r.slice(0, 3).includes(label))?.slice(3);
    expect(rows[0]![0]).toBe('三、收到和处理政府信息公开申请情况（2026-01-01 至 2026-12-31）');
    expect(rows[1]!.slice(3)).toEqual(Array(7).fill('申请人情况'));
    expect(rows[2]!.slice(3)).toEqual(['自然人', '法人或其他组织', '法人或其他组织', '法人或其他组织', '法人或其他组织', '法人或其他组织', '总计']);
    expect(rows[3]!.slice(4, 9)).toEqual(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(figuresOf('一、本年新收政府信息公开申请数量')).toEqual([3, 1, 1, 1, 1, 1, 8]);
    expect(figuresOf('二、上年结转政府信息公开申请数量')).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(figuresOf('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(rows.find((r) => r[1] === '（三）不予公开' && r[2] === '4.保护第三方合法权益')).toBeDefined();
    expect(rows.find((r) => r[0] === '三、本年度办理结果' && r[1] === '（四）无法提供' && r[2] === '1.本机关不掌握相关政府信息')!.slice(3)).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(figuresOf('1.信访举报投诉类申请')).toBeDefined();
    expect(figuresOf('2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请')).toBeDefined();
    expect(figuresOf('（七）总计')).toEqual([3, 1, 1, 1, 0, 1, 7]);
    expect(figuresOf('四、结转下年度继续办理')).toEqual([1, 0, 0, 0, 1, 0, 2]);
    expect(rows.flat().some((v) => String(v).includes('予以公开：'))).toBe(false);
    expect(rows.at(-1)![0]).toBe('校验：新收 + 上年结转 = 9；办理结果总计 + 结转下年 = 9；一致');
  });

  it('LAW-49/50: YBJ\'s table counts only YBJ\'s application', async () => {
    const c = city();
    const t = json<Table>(await call(c, await c.as('ybj.office'), 'GET', '/applications/stats/table3?from=2026-01-01&to=2026-12-31'));
    expect(t.rows.new!.total).toBe(1);
    expect(t.rows.carried_out!.total).toBe(1);
  });
});

// ---- 10 --------------------------------------------------------------------------------------------

describe('10. personal data: whole for the handling staff (and audited), masked for everyone else, never in the audit log', () => {
  const city = withCity();
  let id = '';

  beforeAll(async () => {
    const c = city();
    id = (await register(c)).id;
  });

  const viewEvents = async (c: City) =>
    c.conn.db.selectFrom('audit_events').select(['actor_name', 'entity_id']).where('action', '=', 'application.view_personal_data').where('entity_id', '=', id).execute();

  it('the office handling the case sees the ID number, phone and name whole, and that view is audited (application.view_personal_data)', async () => {
    const c = city();
    const before = (await viewEvents(c)).length;
    const d = await detail(c, id);
    expect(d.applicant).toMatchObject({ name: NAME, idNumber: ID_NUMBER, phone: PHONE, email: 'li@example.com', address: '示例市幸福路8号3单元' });
    const after = await viewEvents(c);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actor_name: '王公开', entity_id: id });
  });

  it('the opinion lead and the secrecy reviewer (not handling) see it masked, and their views are not audited as personal-data views', async () => {
    const c = city();
    const before = (await viewEvents(c)).length;
    for (const who of ['rsj.opinion', 'rsj.secrecy', 'rsj.leader']) {
      const d = await detail(c, id, who);
      expect(d.applicant).toMatchObject({ name: '李**', idNumber: MASKED_ID, phone: MASKED_PHONE, email: 'l***@example.com', address: '示例市幸福路***' });
    }
    expect(await viewEvents(c)).toHaveLength(before);
  });

  it('a drafter sees it masked until the case is assigned to the drafter\'s unit, then whole; a drafter of another unit still masked', async () => {
    const c = city();
    expect((await detail(c, id, 'rsj.drafter')).applicant.idNumber).toBe(MASKED_ID);
    json(await act(c, id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    expect((await detail(c, id, 'rsj.drafter')).applicant.idNumber).toBe(ID_NUMBER);
    expect((await detail(c, id, 'rsj.sb')).applicant.idNumber).toBe(MASKED_ID);
  });

  it('the queue shows applicants masked, even to the office', async () => {
    const c = city();
    const list = json<{ items: { id: string; applicant: { idNumber: string; phone: string } }[] }>(await call(c, await c.as('rsj.office'), 'GET', '/applications'));
    expect(list.items.find((i) => i.id === id)!.applicant).toMatchObject({ idNumber: MASKED_ID, phone: MASKED_PHONE });
  });

  it('a YBJ user cannot read an RSJ application (403) nor see it in the queue; signed out → 401', async () => {
    const c = city();
    expectError(await call(c, await c.as('ybj.office'), 'GET', `/applications/${id}`), 403, 'FORBIDDEN', /您无权查看该申请/);
    expectError(await call(c, await c.as('ybj.drafter'), 'GET', `/applications/${id}`), 403, 'FORBIDDEN');
    expectError(await act(c, id, 'draft_reply', { outcome: 'granted', text: '予以提供' }, 'ybj.drafter'), 403, 'FORBIDDEN');
    const list = json<{ items: { id: string }[] }>(await call(c, await c.as('ybj.office'), 'GET', '/applications'));
    expect(list.items.map((i) => i.id)).not.toContain(id);
    expectError(await call(c, null, 'GET', `/applications/${id}`), 401, 'AUTH_REQUIRED');
    expectError(await call(c, null, 'GET', '/applications'), 401, 'AUTH_REQUIRED');
  });

  it('after a whole case (correction, consultation, reply, delivery, appeal) the audit log holds neither the ID number nor the phone', async () => {
    const c = city();
    const r = await register(c, { description: request(1), address: '示例市幸福路9号' });
    json(await act(c, r.id, 'request_correction', { needed: '请明确年度' }));
    json(await act(c, r.id, 'correct', { correction: '2026年度' }));
    json(await call(c, await c.as('rsj.office'), 'POST', `/applications/${r.id}/consultations`, { kind: 'third_party', party: '示例公司' }));
    const consultation = (await detail(c, r.id)).consultations[0]!.id;
    expect((await call(c, await c.as('rsj.office'), 'POST', `/application-consultations/${consultation}/answer`, { answer: 'consent', text: '同意公开' })).statusCode).toBe(204);
    json(await act(c, r.id, 'draft_reply', { outcome: 'granted', text: '予以提供' }, 'rsj.office'));
    json(await reviewAs(c, r.id, 'confidentiality', 'rsj.secrecy'));
    json(await reviewAs(c, r.id, 'legality', 'rsj.office'));
    json(await reviewAs(c, r.id, 'opinion_risk', 'rsj.opinion'));
    json(await act(c, r.id, 'approve_reply', {}, 'rsj.leader'));
    json(await call(c, await c.as('rsj.office'), 'POST', `/applications/${r.id}/delivery`, { method: '邮寄', on: '2026-11-23', proof: 'EMS 1180000000002' }));
    json(await call(c, await c.as('rsj.office'), 'POST', `/applications/${r.id}/appeals`, { kind: 'lawsuit_direct', filedOn: '2026-11-23', body: '示例市某区人民法院' }));
    await detail(c, r.id);
    const events = await c.conn.db.selectFrom('audit_events').selectAll().execute();
    expect(events.filter((e) => e.entity_id === r.id).map((e) => e.action)).toEqual(expect.arrayContaining(['application.register', 'application.view_personal_data', 'application.approve_reply', 'application.deliver']));
    const text = JSON.stringify(events);
    expect(text).not.toContain(ID_NUMBER);
    expect(text).not.toContain(PHONE);
  });
});

// ---- 11 ----------------------------------------------------------------------------------------------

describe('11. each role finds the application waiting for it in its to-do list, with the reply deadline', () => {
  const city = withCity();
  const todos = async (c: City, as: string) => json<{ items: { kind: string; title: string; due: string | null; light: string | null }[] }>(await call(c, await c.as(as), 'GET', '/todos')).items.filter((t) => t.kind === 'application');

  it('the office assigns, the department drafts, each reviewer reviews, the leader signs (ORG-1, ORG-3, APP-6)', async () => {
    const c = city();
    const r = await register(c, { description: request(3) });
    expect(await todos(c, 'rsj.office')).toEqual([expect.objectContaining({ title: expect.stringMatching(new RegExp(`^待分办：${r.regNumber}`)), due: '2026-12-14', light: 'green' })]);
    expect(await todos(c, 'rsj.drafter')).toEqual([]);

    json(await act(c, r.id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    expect(await todos(c, 'rsj.office')).toEqual([]);
    expect((await todos(c, 'rsj.drafter')).map((t) => t.title)).toEqual([expect.stringMatching(/^待拟定答复：/)]);
    expect(await todos(c, 'rsj.sb')).toEqual([]);

    json(await act(c, r.id, 'draft_reply', { outcome: 'granted', text: '予以公开。' }, 'rsj.drafter'));
    expect((await todos(c, 'rsj.secrecy')).map((t) => t.title)).toEqual([expect.stringMatching(/^待保密审查：/)]);
    expect((await todos(c, 'rsj.opinion')).map((t) => t.title)).toEqual([expect.stringMatching(/^待舆情风险评估：/)]);
    expect(await todos(c, 'rsj.leader')).toEqual([]);

    for (const [kind, as] of [['confidentiality', 'rsj.secrecy'], ['legality', 'rsj.office'], ['opinion_risk', 'rsj.opinion']] as const) await reviewAs(c, r.id, kind, as);
    expect(await todos(c, 'rsj.secrecy')).toEqual([]);
    expect((await todos(c, 'rsj.leader')).map((t) => t.title)).toEqual([expect.stringMatching(/^待签发：/)]);
  });
});

// ---- 12 ----------------------------------------------------------------------------------------------

describe('12. provided information: partial disclosure removes the marked text from the file (LAW-37, SEC-10)', () => {
  const city = withCity();

  it('the applicant downloads the cleaned copy only; the original stays with the staff', async () => {
    const c = city();
    const r = await register(c, { description: request(4) });
    json(await act(c, r.id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    const secretId = '11010519491231002X';
    const pdf = samplePdf([['2026年第三批就业见习基地名单', `联系人身份证号码：${secretId}`, '示例市滨海物流有限公司']]);
    const office = await c.as('rsj.office');
    const d = json<Detail>(await uploadFile(c, office, `/applications/${r.id}/files?redact=${encodeURIComponent(secretId)}`, '见习基地名单.pdf', pdf));
    expect(d.files.map((f) => f.kind).sort()).toEqual(['provided', 'provided_original']);
    expectError(await uploadFile(c, office, `/applications/${r.id}/files?redact=x`, '名单.xlsx', await exceljsXlsx()), 409, 'ATTACHMENT_CANNOT_REDACT');

    // The citizen's status page offers the cleaned copy and never the original.
    const form = { code: r.trackingCode, secret: r.secret };
    const status = await c.app.inject({ method: 'POST', url: '/xxgk/status', payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(status.body).toContain('见习基地名单.pdf');
    expect(status.body).not.toContain('原件-');
    const provided = d.files.find((f) => f.kind === 'provided')!;
    const original = d.files.find((f) => f.kind === 'provided_original')!;
    const get = (fileId: string) => c.app.inject({ method: 'POST', url: '/xxgk/status/file', payload: new URLSearchParams({ ...form, fileId }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const text = await extractText('pdf', new Uint8Array((await get(provided.id)).rawPayload));
    expect(text).toContain('示例市滨海物流有限公司');
    expect(text).not.toContain(secretId);
    expect((await get(original.id)).body).toContain('文件不存在');
  });
});

// ---- 13 ----------------------------------------------------------------------------------------------

describe('13. one matter per application: the office splits a multi-matter request (APP-3)', () => {
  const city = withCity();

  it('keeps the first matter, registers the others with the same receipt and password, and shows them to the applicant', async () => {
    const c = city();
    const r = await register(c, { description: '请公开2026年见习补贴发放名单；以及2026年失业保险金发放标准的测算依据' });
    expectError(await call(c, await c.as('rsj.drafter'), 'POST', `/applications/${r.id}/split`, { parts: ['a', 'b'] }), 403, 'FORBIDDEN');
    const d = json<Detail & { description: string; splitParts: { regNumber: string; trackingCode: string }[] }>(
      await call(c, await c.as('rsj.office'), 'POST', `/applications/${r.id}/split`, { parts: ['请公开2026年见习补贴发放名单', '请公开2026年失业保险金发放标准的测算依据'] }),
    );
    expect(d.description).toBe('请公开2026年见习补贴发放名单');
    expect(d.splitParts).toHaveLength(1);
    const part = d.splitParts[0]!;
    const split = await detail(c, (await c.conn.db.selectFrom('applications').select('id').where('reg_number', '=', part.regNumber).executeTakeFirstOrThrow()).id);
    expect(split).toMatchObject({ description: '请公开2026年失业保险金发放标准的测算依据', receivedAt: d.receivedAt });
    expect(split.deadline).toMatchObject({ dueDate: d.deadline!.dueDate });

    // The applicant follows both with the one password they have.
    const page = (code: string) => c.app.inject({ method: 'POST', url: '/xxgk/status', payload: new URLSearchParams({ code, secret: r.secret }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const original = await page(r.trackingCode);
    expect(original.body).toContain('本申请已拆分');
    expect(original.body).toContain(part.trackingCode);
    expect((await page(part.trackingCode)).statusCode).toBe(200);
    expectError(await call(c, await c.as('rsj.office'), 'POST', `/applications/${r.id}/split`, { parts: ['只有一项'] }), 400, 'VALIDATION_FAILED');
  });
});

// ---- 14 ----------------------------------------------------------------------------------------------

/** The applicant's status page, as the portal shows it to the code and password. */
const statusPage = (c: City, r: Registered) =>
  c.app.inject({ method: 'POST', url: '/xxgk/status', payload: new URLSearchParams({ code: r.trackingCode, secret: r.secret }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('14. the receipt day on real 2026 dates: confirmed by both sides, never moved (LAW-31)', () => {
  const city = withCity('2026-02-13T12:30:00.000Z');

  it('LAW-31: an e-mail that arrived Friday 2026-02-13 at 20:00 (after 17:30) is confirmed on make-up Saturday 02-14, a working day → YBJ due 2026-03-20', async () => {
    const c = city();
    const r = await register(c, { channel: 'email', receivedAt: '2026-02-13T20:00:00+08:00' }, 'ybj.office');
    expect(await detail(c, r.id, 'ybj.office')).toMatchObject({ state: 'unconfirmed', arrivedAt: '2026-02-13T12:00:00.000Z', receivedAt: null, deadline: null });
    c.advanceTo('2026-02-14T09:00:00+08:00');
    const d = json<Detail>(await act(c, r.id, 'confirm_receipt', { note: '已回复电子邮件告知申请人' }, 'ybj.office'));
    // 02-24..27 (4), Sat 02-28 make-up (5), 03-02..06 (10), 03-09..13 (15), 03-16..20 (20).
    expect(d.deadline!.dueDate).toBe('2026-03-20');
    expect(d.deadline!.explanation[0]).toBe('2026-02-14（星期六）09:00确认收到，以当日为起算日（起算日不计入期限）');
    expect(d.deadline!.explanation).toContain('2026-02-28（星期六）为调休工作日，计入期限');
  });

  it('LAW-31: an e-mail of Saturday 2026-03-07 cannot be confirmed that weekend (409 RECEIPT_NOT_WORKDAY); confirmed Monday 03-09 → due 2026-04-07 after Qingming', async () => {
    const c = city();
    c.advanceTo('2026-03-07T10:30:00+08:00');
    const r = await register(c, { channel: 'email', receivedAt: '2026-03-07T10:00:00+08:00', description: request(1) }, 'ybj.office');
    expectError(await act(c, r.id, 'confirm_receipt', { note: '已回复邮件' }, 'ybj.office'), 409, 'RECEIPT_NOT_WORKDAY', /2026-03-07（星期六）不是工作日，确认收到须在工作日进行（《中华人民共和国政府信息公开条例》第三十一条）/);
    c.advanceTo('2026-03-09T09:15:00+08:00');
    const d = json<Detail>(await act(c, r.id, 'confirm_receipt', { note: '已回复邮件' }, 'ybj.office'));
    // 03-10..13 (4), 03-16..20 (9), 03-23..27 (14), 03-30..04-03 (19), Qingming 04-04..06, 04-07 (20).
    expect(d.deadline!.dueDate).toBe('2026-04-07');
    expect(d.deadline!.explanation).toContain('2026-04-06（星期一）清明假期，不计入期限');
  });

  it('LAW-31: with automatic confirmation on, a fax of Thursday 2026-04-30 18:00 (eve of Labour Day) is confirmed at the start of Wednesday 05-06, recorded as automatic → due 2026-06-02', async () => {
    const c = city();
    const ybj = await agencyId(c, 'YBJ');
    expectError(await call(c, await c.as('ybj.drafter'), 'PUT', `/agencies/${ybj}/application-settings`, { autoConfirm: true, extensionApprover: 'office_head', ownRule: '' }), 403, 'FORBIDDEN');
    json(await call(c, await c.as('ybj.office'), 'PUT', `/agencies/${ybj}/application-settings`, { autoConfirm: true, extensionApprover: 'office_head', ownRule: '' }));
    c.advanceTo('2026-04-30T18:30:00+08:00');
    const r = await register(c, { channel: 'fax', receivedAt: '2026-04-30T18:00:00+08:00', description: request(2) }, 'ybj.office');
    c.advanceTo('2026-05-05T12:00:00+08:00');
    expect((await detail(c, r.id, 'ybj.office')).state).toBe('unconfirmed');
    c.advanceTo('2026-05-06T08:30:00+08:00');
    const d = await detail(c, r.id, 'ybj.office') as Detail & { receipt: { auto: boolean; by: string } };
    expect(d).toMatchObject({ state: 'received', receivedAt: '2026-05-05T16:00:00.000Z', receipt: { auto: true, by: '系统' } });
    expect(d.steps.at(-1)).toMatchObject({ action: 'auto_confirm', actionLabel: '自动确认收到', note: '2026-05-06（星期三）工作日开始时自动确认收到' });
    // 05-07, 05-08 (2), make-up Sat 05-09 (3), 05-11..15 (8), 05-18..22 (13), 05-25..29 (18), 06-01, 06-02 (20).
    expect(d.deadline!.dueDate).toBe('2026-06-02');
    expect(d.deadline!.explanation[0]).toBe('2026-05-06（星期三）00:00自动确认收到，以当日为起算日（起算日不计入期限）');
  });

  it('LAW-31: ordinary post needs its confirmation with the applicant recorded (400 RECEIPT_CONFIRMATION_REQUIRED)', async () => {
    const c = city();
    const res = await call(c, await c.as('rsj.office'), 'POST', '/applications', { ...applicant({ description: request(3) }), channel: 'letter_ordinary', receivedAt: c.clock().toISOString() });
    expectError(res, 400, 'RECEIPT_CONFIRMATION_REQUIRED', /平信须在到达当日与申请人确认/);
  });

  it('LAW-31: an online application submitted at 07:30 Beijing time shows that day on the status page, 待确认 until the office confirms it at 09:00 (not the UTC day before)', async () => {
    const c = city();
    c.advanceTo('2026-05-07T07:40:00+08:00');
    const r = await register(c, { channel: 'online', receivedAt: '2026-05-07T07:30:00+08:00', description: request(4) });
    const before = (await statusPage(c, r)).body;
    expect(before).toContain('<th scope="row">提交时间</th><td>2026-05-07 07:30</td>');
    expect(before).toContain('待本机关在工作日确认收到');
    expect(before).not.toContain('2026-05-06');
    c.advanceTo('2026-05-07T09:00:00+08:00');
    json(await act(c, r.id, 'confirm_receipt'));
    const after = (await statusPage(c, r)).body;
    expect(after).toContain('<th scope="row">收到日期</th><td colspan="3">2026-05-07（已确认：通过申请查询页面告知申请人）</td>');
    expect(after).toMatch(/<time datetime="2026-05-07T[^"]*">2026-05-07 \d\d:\d\d<\/time> 确认收到/);
  });

  it('APP-4: a registered letter signed for at 18:10 is received that day; RSJ\'s stricter 15 days cite its own rule by name → due 2026-05-27', async () => {
    const c = city();
    const rsj = await agencyId(c, 'RSJ');
    json(await call(c, await c.as('rsj.office'), 'PUT', `/agencies/${rsj}/application-settings`, { autoConfirm: false, extensionApprover: 'office_head', ownRule: '示例市人力资源和社会保障局政府信息公开工作制度' }));
    c.advanceTo('2026-05-07T18:20:00+08:00');
    const r = await register(c, { channel: 'letter_registered', receivedAt: '2026-05-07T18:10:00+08:00', description: request(5) });
    const d = await detail(c, r.id);
    // 05-08 (1), make-up Sat 05-09 (2), 05-11..15 (7), 05-18..22 (12), 05-25..27 (15).
    expect(d.deadline!.dueDate).toBe('2026-05-27');
    expect(d.deadline!.explanation[0]).toBe('2026-05-07（星期四）18:10收到，以当日为起算日（起算日不计入期限）');
    expect(d.deadline!.explanation.at(-1)).toBe('依据《中华人民共和国政府信息公开条例》第三十三条和《示例市人力资源和社会保障局政府信息公开工作制度》，期限为15个工作日，截止于2026-05-27（星期三）24时');
    expect(d.deadline!.explanation.join('')).not.toMatch(/[A-Z]+-\d/);
  });
});

// ---- 15 ----------------------------------------------------------------------------------------------

describe('15. LAW-35 reasons, LAW-33 the extension\'s approver, and letters that say everything (LAW-36, APP-8)', () => {
  const city = withCity();
  const ids: Record<string, string> = {};

  it('LAW-35: 不予处理 as excessive needs the reasons step first (409 REASONS_NOT_DECIDED); asking sends a letter with the date the office set', async () => {
    const c = city();
    const r = await register(c);
    ids.a = r.id;
    json(await act(c, r.id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    expectError(await act(c, r.id, 'draft_reply', { outcome: 'unprocessed_excessive', text: '申请过多' }, 'rsj.drafter'), 409, 'REASONS_NOT_DECIDED', /第三十五条/);
    expectError(await act(c, r.id, 'ask_reasons', { note: '请说明理由' }), 400, 'REASONS_DUE_INVALID');
    const d = json<Detail & { reasons: { due: string } }>(await act(c, r.id, 'ask_reasons', { note: '请说明本月提出大量申请的用途', reasonsDue: '2026-11-30' }));
    expect(d).toMatchObject({ state: 'awaiting_reasons', stateLabel: '待说明理由', reasons: { due: '2026-11-30' } });
    expect(letterKinds(d)).toEqual(['letter_reasons.docx', 'letter_reasons.pdf']);
    expect(await letterText(c, d, 'letter_reasons', 'pdf')).toContain('请您于2026年11月30日前向本机关说明理由：请说明本月提出大量申请的用途。');
    expect((await statusPage(c, r)).body).toContain('请于 <strong>2026-11-30</strong> 前向本机关说明理由');
    expectError(await act(c, r.id, 'reasons_unreasonable', { note: '无正当理由' }), 409, 'REASONS_PERIOD_RUNNING');
  });

  it('LAW-35: the reasons recorded and judged unreasonable → 不予处理, whose letter prints the office’s finding that the reasons were asked for', async () => {
    const c = city();
    json(await act(c, ids.a!, 'record_reasons', { note: '用于研究' }));
    json(await act(c, ids.a!, 'reasons_unreasonable', { note: '所述用途与申请数量明显不相称' }));
    const finding = '本机关已依照《中华人民共和国政府信息公开条例》第三十五条的规定要求您说明理由，经审查认为申请理由不合理，不予处理。';
    const d = await replyWith(c, ids.a!, 'unprocessed_excessive', finding);
    const text = await letterText(c, d, 'letter_reply', 'pdf');
    expect(text.replace(/\s+/g, '')).toContain(finding);
  });

  it('LAW-35: reasons judged reasonable → a longer term the office sets, with its reason, told by letter: 25 working days → 2026-12-28', async () => {
    const c = city();
    const r = await register(c, { description: request(1), idNumber: idOf(1) });
    json(await act(c, r.id, 'ask_reasons', { note: '请说明理由', reasonsDue: '2026-11-30' }));
    json(await act(c, r.id, 'record_reasons', { note: '用于撰写学位论文，需要历年数据' }));
    expectError(await act(c, r.id, 'reasons_reasonable', { note: '需调取历年档案', workdays: 15 }), 400, 'LONGER_TERM_INVALID');
    const d = json<Detail>(await act(c, r.id, 'reasons_reasonable', { note: '需调取历年档案', workdays: 25 }));
    // 11-24..27 (4), 11-30..12-04 (9), 12-07..11 (14), 12-14..18 (19), 12-21..25 (24), 12-28 (25).
    expect(d.state).toBe('handling');
    expect(d.deadline!.dueDate).toBe('2026-12-28');
    expect(d.deadline!.explanation.at(-1)).toBe('2026-11-23（星期一）依据《中华人民共和国政府信息公开条例》第三十五条确定延迟答复的合理期限（需调取历年档案），依据《中华人民共和国政府信息公开条例》第三十三条和本机关规定，期限为25个工作日，截止于2026-12-28（星期一）24时');
    expect(await letterText(c, d, 'letter_longer_term', 'pdf')).toContain('确定延迟答复的合理期限为25个工作日，将于2026年12月28日前作出答复');
  });

  it('LAW-33: by default the head of the disclosure office approves the extension, and the letter names them; a department head outside the office cannot (403)', async () => {
    const c = city();
    const r = await register(c, { description: request(2), idNumber: idOf(2) });
    ids.b = r.id;
    expectError(await call(c, await c.as('rsj.head'), 'POST', `/applications/${r.id}/extend`, { reason: '需要调取档案' }), 403, 'FORBIDDEN');
    const office = await c.conn.db.selectFrom('users').select('id').where('username', '=', 'rsj.office').executeTakeFirstOrThrow();
    await c.conn.db.insertInto('role_grants').values({ id: 'grant-office-head', user_id: office.id, agency_id: await agencyId(c, 'RSJ'), role: 'dept_head', created_at: c.clock().toISOString() }).execute();
    const head = await signIn(c, 'rsj.office');
    const d = json<Detail>(await call(c, head, 'POST', `/applications/${r.id}/extend`, { reason: '需要调取档案' }));
    expect(d.deadline!.explanation).toContainEqual(expect.stringMatching(/^经政府信息公开工作机构负责人王公开批准/));
    expect(await letterText(c, d, 'letter_extension', 'pdf')).toContain('经政府信息公开工作机构负责人王公开同意');
  });

  it('LAW-33: where the agency requires its leader, the office head cannot extend (403) and the leader can', async () => {
    const c = city();
    const rsj = await agencyId(c, 'RSJ');
    const head = await signIn(c, 'rsj.office');
    json(await call(c, head, 'PUT', `/agencies/${rsj}/application-settings`, { autoConfirm: false, extensionApprover: 'leader', ownRule: '' }));
    const r = await register(c, { description: request(3), idNumber: idOf(3) });
    expectError(await call(c, head, 'POST', `/applications/${r.id}/extend`, { reason: '需要调取档案' }), 403, 'FORBIDDEN', /须经本机关负责人批准/);
    const d = json<Detail>(await call(c, await c.as('rsj.leader'), 'POST', `/applications/${r.id}/extend`, { reason: '需要调取档案' }));
    expect(await letterText(c, d, 'letter_extension', 'docx')).toContain('经本机关负责人刘副局长同意');
  });

  it('letters: an organisation is addressed as 你单位; provided files are listed with their pages; the remedy names the court the agency set', async () => {
    const c = city();
    json(await call(c, await c.as('rsj.office'), 'PUT', `/letter-templates/${await agencyId(c, 'RSJ')}`, {
      numberPattern: '〔{年}〕{号}号', signatureName: '', contactPerson: '', contactPhone: '', reconsiderationBody: '', court: '示例市建设区人民法院', dateStyle: 'chinese',
    }));
    const r = await register(c, { ...organisation('commercial', 7), description: request(4) });
    json(await act(c, r.id, 'assign', { unitId: await unitId(c, 'RSJ', '就业促进科') }));
    json(await uploadFile(c, await c.as('rsj.office'), `/applications/${r.id}/files`, '见习补贴名单.pdf', samplePdf([['第一页'], ['第二页']])));
    const d = await replyWith(c, r.id, 'granted', '经审查，予以公开。');
    expect(d.files.find((f) => f.kind === 'provided')).toMatchObject({ name: '见习补贴名单.pdf', pages: 2 });
    for (const format of ['docx', 'pdf'] as const) {
      const text = await letterText(c, d, 'letter_reply', format);
      expect(text).toContain('收到你单位提出的政府信息公开申请');
      expect(text).not.toContain('您');
      expect(text).toContain('附件：见习补贴名单.pdf（共2页）');
      expect(text).toContain('自收到本告知书之日起60日内向示例市人民政府申请行政复议，或者自收到本告知书之日起6个月内向示例市建设区人民法院提起行政诉讼');
    }
  });

  it('letters: a withdrawal through the portal is answered with a letter ending the case', async () => {
    const c = city();
    const r = await register(c, { description: request(5), idNumber: idOf(5) });
    const res = await c.app.inject({ method: 'POST', url: '/xxgk/status/withdraw', payload: new URLSearchParams({ code: r.trackingCode, secret: r.secret, confirm: 'yes' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(200);
    const d = await detail(c, r.id);
    expect(d.state).toBe('withdrawn');
    expect(await letterText(c, d, 'letter_reply', 'pdf')).toContain('您于2026年11月23日撤回该政府信息公开申请。本机关终止处理该政府信息公开申请。');
  });

  it('letters: closing for no correction issues the closing letter (LAW-30)', async () => {
    const c = city();
    const r = await register(c, { description: request(6), idNumber: idOf(6) });
    json(await act(c, r.id, 'request_correction', { needed: '请写明年度' }));
    c.advanceTo('2026-12-15T09:00:00+08:00');
    const d = json<Detail>(await act(c, r.id, 'close_no_correction'));
    expect(d.outcome).toBe('other_no_correction');
    const text = await letterText(c, d, 'letter_reply', 'pdf');
    expect(text).toContain('您无正当理由逾期未补正');
    expect(text).toContain('补正期限至2026年12月14日');
  });
});
