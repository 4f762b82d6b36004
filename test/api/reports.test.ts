/**
 * The annual report (LAW-49, LAW-50) and the monthly report (SUP-5) from a generated data set
 * with known counts: every table-3 outcome, both applicant kinds, cases carried over across the
 * year boundary, normative documents made, repealed and expired, appeals of each kind and result,
 * fees, and figures staff enter. The report is drafted, checked, reviewed, approved and
 * published; its Word and PDF files are read back as text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { OUTCOME_KEYS, type ApplicantKind, type Outcome } from '../../src/modules/applications/applications.rules.ts';
import { extractText } from '../../src/modules/files/text.ts';
import { interpretationSpec } from '../../src/modules/interpretation/interpretation.rules.ts';
import { answerSpec } from '../../src/modules/messages/messages.rules.ts';
import type { Grid } from '../../src/modules/reports/reports.rules.ts';
import { agencyId, call, expectError, signIn, uploadFile, userId, withDemoCity, type Session, type TestApp } from '../support/app.ts';

const KINDS: ApplicantKind[] = ['natural', 'commercial', 'research', 'public_welfare', 'legal_services', 'other_org'];
let seq = 0;

async function app(t: TestApp, agency: string, a: { kind: ApplicantKind; received: string; finished?: string; outcome?: Outcome; fee?: object; late?: boolean }) {
  const id = newId();
  seq++;
  const receivedAt = `${a.received}T02:00:00.000Z`;
  const finishedAt = a.finished ? `${a.finished}T06:00:00.000Z` : null;
  await t.conn.db.insertInto('applications').values({
    id, agency_id: agency, reg_number: `GEN-${seq}`, tracking_code: `GEN${seq}`, secret_hash: 'x', submission_token: null, channel: 'visit', arrived_at: receivedAt, received_at: receivedAt,
    receipt_json: null, transfer_json: null, applicant_kind: a.kind, applicant_name: '测试申请人', id_type: a.kind === 'natural' ? 'prc_id' : 'org', id_number: '110101199001011234', org_code: '',
    phone: '13900000000', email: '', address: '', description: `生成的申请 ${seq}`, purpose: '', form: 'paper', delivery: 'post', state: finishedAt ? 'replied' : 'handling', unit_id: null,
    flags_json: '[]', repeat_of: null, split_from: null, correction_json: null, reasons_json: null, fee_json: a.fee ? JSON.stringify(a.fee) : null, outcome: a.outcome ?? null,
    reply_json: null, finished_at: finishedAt, delivery_json: null, created_at: receivedAt, updated_at: receivedAt,
  }).execute();
  if (finishedAt) {
    const due = a.late ? `${a.received}T03:00:00.000Z` : `${a.finished}T15:59:59.999Z`;
    await t.conn.db.insertInto('deadlines').values({ id: newId(), agency_id: agency, subject_type: 'application', subject_id: id, rule: 'APP-4', spec_json: '{}', due_at: due, met_at: finishedAt, created_at: receivedAt }).execute();
  }
  return id;
}

async function item(t: TestApp, agency: string, i: {
  title: string; docKind?: 'order' | 'notice'; policy: 'none' | 'normative' | 'important'; made: string; published: string | null; validity?: 'valid' | 'repealed' | 'expired'; changed?: string;
  category?: 'policy' | 'work' | 'interpretation';
}) {
  const id = newId();
  const unit = (await t.conn.db.selectFrom('units').select('id').where('agency_id', '=', agency).executeTakeFirstOrThrow()).id;
  const publishedAt = i.published ? `${i.published}T02:00:00.000Z` : null;
  await t.conn.db.insertInto('items').values({
    id, agency_id: agency, unit_id: unit, drafter_id: await userId(t, 'rsj.drafter'), kind: i.category === 'interpretation' ? 'other' : 'document', doc_kind: i.category === 'interpretation' ? null : i.docKind ?? 'notice', doc_number: '', title: i.title, summary: '', body: '正文',
    date_made: i.made, category: i.category ?? 'policy', attribute: 'proactive', attribute_reason: '', non_public_parts: '', policy_level: i.policy, interpretation_plan_json: null, leading_group_review: '',
    major: 0, collective_decision: '', conclusion: 'proactive', state: publishedAt ? 'published' : 'draft', validity: i.validity ?? 'valid', version: 1, change_reason: '', changed_on: i.made,
    channels_json: '["platform"]', paper_copies: 0, index_number: null, public_body: null, published_at: publishedAt, created_at: `${i.made}T02:00:00.000Z`,
    updated_at: i.changed ? `${i.changed}T02:00:00.000Z` : publishedAt ?? `${i.made}T02:00:00.000Z`,
  }).execute();
  return id;
}

async function appeal(t: TestApp, applicationId: string, kind: string, filedOn: string, result: string, resultOn: string | null) {
  await t.conn.db.insertInto('application_appeals').values({ id: newId(), application_id: applicationId, kind: kind as 'reconsideration', filed_on: filedOn, body: '市人民政府', result: result as 'pending', result_on: resultOn, note: '' }).execute();
}

/** INT-5: a published policy's interpretation clock as the interpretation module stores it, met on `metOn` or still open (term in working days). */
async function syncClock(t: TestApp, agency: string, policyId: string, publishedOn: string, metOn: string | null, days = 10) {
  const startedAt = `${publishedOn}T02:00:00.000Z`;
  const metAt = metOn ? `${metOn}T02:00:00.000Z` : null;
  await t.conn.db.insertInto('deadlines').values({
    id: newId(), agency_id: agency, subject_type: 'policy_interpretation', subject_id: policyId, rule: 'INT-5', spec_json: JSON.stringify({ ...interpretationSpec(startedAt, days), ...(metAt ? { metAt } : {}) }),
    due_at: startedAt, met_at: metAt, created_at: startedAt,
  }).execute();
}

/**
 * Every cell's text of the grids found in a file's extracted text: headers as they read, and the
 * figures row by row in `rows` (for a PDF its text laid out line by line, where a row's figures stay together).
 */
function expectAllCells(text: string, grids: Grid[], rows = text) {
  const flat = text.replace(/\s+/g, '');
  const flatRows = rows.replace(/\s+/g, '');
  for (const g of grids) {
    expect(flat).toContain(g.caption.replace(/\s+/g, ''));
    for (const row of g.rows) {
      for (const c of row.filter((x) => x.head)) expect(flat, c.text).toContain(c.text.replace(/\s+/g, ''));
      const values = row.filter((x) => !x.head).map((x) => x.text).join('');
      if (values) expect(flatRows, `${g.caption}: ${values}`).toContain(values);
    }
  }
}

describe('annual report from a generated data set (LAW-49, LAW-50)', () => {
  const city = withDemoCity('2026-01-06T02:00:00.000Z');
  let office: Session;
  let leader: Session;
  let reportId = '';
  let grids: Grid[] = [];
  const apps: string[] = [];

  it('LAW-50: table 3 counts every outcome for both applicant kinds, with cases carried over across the year boundary; the identity holds', async () => {
    const t = city();
    const rsj = await agencyId(t, 'RSJ');
    office = await signIn(t, 'rsj.office');
    leader = await signIn(t, 'rsj.leader');
    // One application finished in 2025 for every outcome, the applicant kinds in turn.
    for (const [i, outcome] of OUTCOME_KEYS.entries()) {
      const month = String((i % 11) + 1).padStart(2, '0');
      apps.push(await app(t, rsj, { kind: KINDS[i % KINDS.length]!, received: `2025-${month}-03`, finished: `2025-${month}-20`, outcome, late: i === 3 }));
    }
    // Carried in from 2024: one answered in January 2025, one still open (carried out too).
    await app(t, rsj, { kind: 'natural', received: '2024-12-20', finished: '2025-01-08', outcome: 'granted' });
    await app(t, rsj, { kind: 'commercial', received: '2024-12-28' });
    // Received at the end of 2025, answered in 2026: carried out.
    await app(t, rsj, { kind: 'research', received: '2025-12-30', finished: '2026-01-05', outcome: 'partial' });
    // Outside the year altogether.
    await app(t, rsj, { kind: 'natural', received: '2024-03-01', finished: '2024-03-20', outcome: 'granted' });
    // Fees (LAW-42): two notices, one paid.
    await app(t, rsj, { kind: 'natural', received: '2025-04-01', finished: '2025-05-20', outcome: 'granted', fee: { amount: 200, basis: 'count', notifiedAt: '2025-04-10T02:00:00.000Z', paidAt: '2025-04-15T02:00:00.000Z' } });
    await app(t, rsj, { kind: 'legal_services', received: '2025-06-01', finished: '2025-07-20', outcome: 'other_no_fee', fee: { amount: 100, basis: 'pages', notifiedAt: '2025-06-05T02:00:00.000Z' } });

    // LAW-49: in January the office's to-do list asks for last year's report, due 31 January.
    const todo = (await call(t, office, 'GET', '/todos')).json().items.find((x: { kind: string }) => x.kind === 'annual_report');
    expect(todo).toMatchObject({ title: '编制2025年政府信息公开工作年度报告', due: '2026-01-31' });

    const res = await call(t, office, 'POST', '/reports/annual', { year: 2025 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().deadline.explanation.join()).toContain('条例》第四十九条');
    const r = res.json();
    reportId = r.id;
    const c = r.figures.cells;
    expect(c['t3.new.total']).toBe(OUTCOME_KEYS.length + 1 + 2);
    expect(c['t3.carried_in.total']).toBe(2);
    expect(c['t3.carried_in.natural']).toBe(1);
    expect(c['t3.carried_in.commercial']).toBe(1);
    expect(c['t3.granted.total']).toBe(3);
    expect(c['t3.granted.natural']).toBe(3);
    for (const o of OUTCOME_KEYS.filter((k) => k !== 'granted' && k !== 'other_no_fee')) expect(c[`t3.${o}.total`], o).toBe(1);
    expect(c['t3.other_no_fee.total']).toBe(2);
    expect(c['t3.other_no_fee.legal_services']).toBe(1);
    expect(c['t3.results_total.total']).toBe(OUTCOME_KEYS.length + 1 + 2);
    expect(c['t3.carried_out.total']).toBe(2);
    expect(c['t3.carried_out.research']).toBe(1);
    expect(r.figures.identity).toEqual({ ok: true, left: OUTCOME_KEYS.length + 5, right: OUTCOME_KEYS.length + 5 });
    // Natural persons and organisations both counted, and the 总计 column is their sum.
    const orgs = KINDS.slice(1).reduce((s, k) => s + c[`t3.results_total.${k}`], 0);
    expect(c['t3.results_total.natural'] + orgs).toBe(c['t3.results_total.total']);
    expect(orgs).toBeGreaterThan(0);
    // Part 六: the processing fees.
    expect([c['fee.notices'], c['fee.noticed'], c['fee.collected']]).toEqual([2, 300, 200]);
    // The generated first wording carries the year's figures.
    expect(r.texts.overall).toContain(`全年新收政府信息公开申请${OUTCOME_KEYS.length + 3}件`);
    expect(r.texts.other).toContain('发出收费通知2件');
  });

  it('LAW-50: table 4 counts each kind of appeal by result; an appeal decided after the year end is 尚未审结', async () => {
    const t = city();
    await appeal(t, apps[0]!, 'reconsideration', '2025-03-01', 'upheld', '2025-05-01');
    await appeal(t, apps[1]!, 'reconsideration', '2025-04-01', 'corrected', '2025-06-01');
    await appeal(t, apps[2]!, 'reconsideration', '2024-04-01', 'upheld', '2024-06-01');
    await appeal(t, apps[3]!, 'lawsuit_direct', '2025-05-01', 'other', '2025-09-01');
    await appeal(t, apps[4]!, 'lawsuit_direct', '2025-10-01', 'upheld', '2026-01-03');
    await appeal(t, apps[5]!, 'lawsuit_after_reconsideration', '2025-11-01', 'pending', null);
    const c = (await call(t, office, 'GET', `/reports/annual/${reportId}`)).json().figures.cells;
    expect([c['t4.reconsideration.upheld'], c['t4.reconsideration.corrected'], c['t4.reconsideration.other'], c['t4.reconsideration.pending'], c['t4.reconsideration.total']]).toEqual([1, 1, 0, 0, 2]);
    expect([c['t4.lawsuit_direct.upheld'], c['t4.lawsuit_direct.other'], c['t4.lawsuit_direct.pending'], c['t4.lawsuit_direct.total']]).toEqual([0, 1, 1, 2]);
    expect([c['t4.lawsuit_after_reconsideration.pending'], c['t4.lawsuit_after_reconsideration.total']]).toEqual([1, 1]);
    // The figure opens the case appealed against.
    const behind = (await call(t, office, 'GET', `/reports/annual/${reportId}/records?key=t4.reconsideration.corrected`)).json();
    expect(behind.records).toEqual([expect.objectContaining({ type: 'application', id: apps[1] })]);
  });

  it('LAW-50: table 2 counts rules and normative documents made, repealed and in force; staff enter and import what other systems hold, with source and who entered it', async () => {
    const t = city();
    const rsj = await agencyId(t, 'RSJ');
    await item(t, rsj, { title: '规范性文件甲（2023年）', policy: 'normative', made: '2023-05-01', published: '2023-05-10' });
    await item(t, rsj, { title: '规范性文件乙（2025年制发）', policy: 'normative', made: '2025-03-01', published: '2025-03-05' });
    await item(t, rsj, { title: '规范性文件丙（2025年废止）', policy: 'normative', made: '2022-01-10', published: '2022-01-12', validity: 'repealed', changed: '2025-08-01' });
    await item(t, rsj, { title: '规范性文件丁（2025年失效）', policy: 'normative', made: '2024-02-01', published: '2024-02-03', validity: 'expired', changed: '2025-09-01' });
    await item(t, rsj, { title: '示例市就业促进办法（政府规章）', docKind: 'order', policy: 'normative', made: '2025-04-01', published: '2025-04-03' });
    await item(t, rsj, { title: '未发布的规范性文件', policy: 'normative', made: '2025-06-01', published: null });
    await item(t, rsj, { title: '工作动态', policy: 'none', made: '2025-12-10', published: '2025-12-12', category: 'work' });

    const added = await call(t, office, 'POST', '/reports/entries', { year: 2025, key: 'licence', value: 120, source: '省政务服务平台' });
    expect(added.statusCode, added.body).toBe(201);
    expectError(await call(t, office, 'POST', '/reports/entries', { year: 2025, key: 'licence', value: 1, source: ' ' }), 400, 'ENTRY_SOURCE_REQUIRED');
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('数据');
    sheet.addRows([['事项', '数量', '来源'], ['行政处罚', 15, '行政执法监督平台'], ['行政强制', 3, '行政执法监督平台'], ['行政事业性收费', 12.5, '财政非税收入系统']]);
    const imported = await uploadFile(t, office, '/reports/entries/import?year=2025', '年报数据.xlsx', new Uint8Array(await book.xlsx.writeBuffer()));
    expect(imported.statusCode, imported.body).toBe(201);
    expect(imported.json().items.map((e: { enteredBy: string; source: string }) => `${e.enteredBy}:${e.source}`)).toContain('王公开:财政非税收入系统');

    const r = (await call(t, office, 'GET', `/reports/annual/${reportId}`)).json();
    const c = r.figures.cells;
    expect([c['t2.normative.made'], c['t2.normative.repealed'], c['t2.normative.inForce']]).toEqual([1, 1, 2]);
    expect([c['t2.rules.made'], c['t2.rules.repealed'], c['t2.rules.inForce']]).toEqual([1, 0, 1]);
    expect([c['t2.licence'], c['t2.penalty'], c['t2.coercive'], c['t2.fee']]).toEqual([120, 15, 3, 12.5]);
    // 3 in force at the end of 2024 + 1 made − 1 repealed ≠ 2: the expired one needs a stated reason.
    expect(r.figures.stockCheck.ok).toBe(false);
    expect(r.problems.join()).toContain('现行有效件数与上年不衔接');
    // Each figure links to the records behind it.
    const behind = (await call(t, office, 'GET', `/reports/annual/${reportId}/records?key=t2.normative.repealed`)).json();
    expect(behind.records.map((x: { label: string }) => x.label)).toEqual(['规范性文件丙（2025年废止）']);
    const granted = (await call(t, office, 'GET', `/reports/annual/${reportId}/records?key=t3.granted.natural`)).json();
    expect(granted.records).toHaveLength(3);
  });

  it('LAW-50: 一 总体情况 carries the year\'s interpretations and the 三同步 rate of the policies published in the year', async () => {
    const t = city();
    const rsj = await agencyId(t, 'RSJ');
    await item(t, rsj, { title: '就业政策解读', policy: 'none', made: '2025-05-06', published: '2025-05-07', category: 'interpretation' });
    await item(t, rsj, { title: '社保政策解读', policy: 'none', made: '2025-07-01', published: '2025-07-02', category: 'interpretation' });
    const onTime = await item(t, rsj, { title: '重要政策甲', policy: 'important', made: '2025-05-01', published: '2025-05-06' });
    const overdue = await item(t, rsj, { title: '重要政策乙', policy: 'important', made: '2025-06-01', published: '2025-06-03' });
    const lastYear = await item(t, rsj, { title: '重要政策丙（2024年）', policy: 'important', made: '2024-11-01', published: '2024-11-04' });
    await syncClock(t, rsj, onTime, '2025-05-06', '2025-05-07');
    await syncClock(t, rsj, overdue, '2025-06-03', null);
    await syncClock(t, rsj, lastYear, '2024-11-04', '2024-11-05');
    const r = (await call(t, office, 'GET', `/reports/annual/${reportId}`)).json();
    expect(r.figures.summary).toMatchObject({ interpretations: 2, sync: { due: 2, onTime: 1, late: 1, running: 0, rate: 0.5 } });
    expect(r.generated.overall).toContain('全年发布政策解读2篇，应同步解读的政策文件2件，按时解读1件，“三同步”率50%。');
    expect(r.generated.overall).toContain(`全年新收政府信息公开申请${OUTCOME_KEYS.length + 3}件`);
    expect(r.generated.overall).toMatch(/按期答复率[\d.]+%/);
    expect(r.generated.overall).toContain('其中政策法规');
  });

  it('LAW-49: a report failing its check cannot be submitted; with the reason stated it goes to review, the leader approves, the portal publishes it', async () => {
    const t = city();
    expectError(await call(t, office, 'POST', `/reports/annual/${reportId}/actions/submit`, { opinion: '' }), 400, 'REPORT_CHECK_FAILED', /现行有效件数/);
    const r0 = (await call(t, office, 'GET', `/reports/annual/${reportId}`)).json();
    const put = await call(t, office, 'PUT', `/reports/annual/${reportId}`, { texts: { ...r0.texts, overall: r0.generated.overall, problems: '解读针对性不强。' }, stockReason: '规范性文件丁于2025年9月有效期届满失效' });
    expect(put.statusCode, put.body).toBe(200);
    expectError(await call(t, leader, 'POST', `/reports/annual/${reportId}/actions/submit`, { opinion: '' }), 400, 'REPORT_ROLE_MISSING');
    expect((await call(t, office, 'POST', `/reports/annual/${reportId}/actions/submit`, { opinion: '' })).statusCode).toBe(200);
    expect((await call(t, office, 'POST', `/reports/annual/${reportId}/actions/pass`, { opinion: '数据核对无误' })).statusCode).toBe(200);
    expectError(await call(t, office, 'POST', `/reports/annual/${reportId}/actions/approve`, { opinion: '' }), 400, 'REPORT_ROLE_MISSING');
    const approved = await call(t, leader, 'POST', `/reports/annual/${reportId}/actions/approve`, { opinion: '同意发布' });
    expect(approved.statusCode, approved.body).toBe(200);
    const r = approved.json();
    expect(r.state).toBe('published');
    expect(r.deadline.state).toBe('met');
    expect(r.deadline.dueDate).toBe('2026-01-31');
    expect((await call(t, leader, 'GET', '/todos')).json().items.some((x: { kind: string }) => x.kind === 'annual_report')).toBe(false);
    grids = [r.tables.proactive, r.tables.applications, r.tables.appeals, r.tables.fees];

    const page = await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/reports/2025' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('示例市人力资源和社会保障局2025年政府信息公开工作年度报告');
    expect(page.body).toMatch(/<th scope="colgroup" colspan="7"[^>]*>申请人情况<\/th>/);
    expect(page.body).toContain('rowspan="22"');
    expect(page.body).toContain('（七）总计');
    expect(page.body).toContain('解读针对性不强。');
    expect(page.body).toContain('“三同步”率50%');
    // A chart only in addition to the tables, its figures as its text.
    expect(page.body).toContain(`图：本年度申请办理结果（予以公开3件，部分公开1件，不予公开8件，无法提供3件，不予处理5件，其他处理4件）`);
    const list = await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/reports' });
    expect(list.body).toContain('/xxgk/RSJ/reports/2025');
  });

  it('LAW-50: the DOCX, PDF and Excel hold every table cell; the Excel merges the headers and numbers the rows as the national template', async () => {
    const t = city();
    const docx = await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/reports/2025.docx' });
    expect(docx.statusCode).toBe(200);
    expectAllCells(await extractText('docx', new Uint8Array(docx.rawPayload)), grids);
    // The Word tables merge as the template does: 申请人情况 across seven columns, 三、本年度办理结果 down 22 rows.
    const xml = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!);
    expect(xml).toContain('<w:gridSpan w:val="7"/>');
    expect(xml.match(/<w:vMerge w:val="continue"\/>/g)!.length).toBeGreaterThan(21);
    const pdf = await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/reports/2025.pdf' });
    expect(pdf.statusCode).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
    const pdftotext = (...args: string[]) => execFileSync('pdftotext', [...args, join(dir, 'r.pdf'), '-']).toString();
    expectAllCells(pdftotext(), grids, pdftotext('-layout'));

    const xlsx = await call(t, office, 'GET', `/reports/annual/${reportId}/file?format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('表三')!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('三、本年度办理结果');
    expect(texts).toContain('（七）总计');
    expect(texts).toContain('8.属于行政查询事项');
    expect(texts.some((x) => x.includes('予以公开：'))).toBe(false);
    expect(sheet.model.merges).toEqual(expect.arrayContaining(['A2:C4', 'D2:J2', 'D3:D4', 'E3:I3', 'J3:J4', 'A7:A28']));
  });

  it('LAW-49: a published report is never changed; a correction is a new version with its reason, both kept', async () => {
    const t = city();
    expectError(await call(t, office, 'PUT', `/reports/annual/${reportId}`, { texts: { overall: '改', problems: '', other: '' }, stockReason: '' }), 400, 'REPORT_NOT_DRAFT');
    expectError(await call(t, office, 'POST', `/reports/annual/${reportId}/correct`, { reason: '' }), 400, 'REASON_REQUIRED');
    const res = await call(t, office, 'POST', `/reports/annual/${reportId}/correct`, { reason: '行政许可数量统计口径有误' });
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json();
    expect(v2.version).toBe(2);
    expect(v2.state).toBe('draft');
    await call(t, office, 'POST', `/reports/annual/${v2.id}/actions/submit`, { opinion: '' });
    await call(t, office, 'POST', `/reports/annual/${v2.id}/actions/pass`, { opinion: '' });
    expect((await call(t, leader, 'POST', `/reports/annual/${v2.id}/actions/approve`, { opinion: '' })).json().state).toBe('published');
    const page = await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/reports/2025' });
    expect(page.body).toContain('行政许可数量统计口径有误');
    const old = await t.app.inject({ method: 'GET', url: '/xxgk/RSJ/reports/2025?version=1' });
    expect(old.statusCode).toBe(200);
    expect(old.body).toContain('已被更正');
  });

  it('LAW-49: the city office sees every agency\'s report status and adds up the city\'s tables', async () => {
    const t = city();
    const szf = await signIn(t, 'szf.office');
    const list = (await call(t, szf, 'GET', '/reports/annual?year=2025')).json();
    expect(list.agencies.map((a: { agencyName: string }) => a.agencyName)).toEqual(expect.arrayContaining(['示例市人力资源和社会保障局', '示例市医疗保障局']));
    expect(list.agencies.find((a: { agencyName: string }) => a.agencyName === '示例市人力资源和社会保障局').report.state).toBe('published');
    const sum = (await call(t, szf, 'GET', '/reports/city-summary?year=2025')).json();
    expect(sum.cells['t3.results_total.total']).toBe(OUTCOME_KEYS.length + 3);
    expect(sum.cells['t2.licence']).toBe(120);
    // A city figure opens the agencies behind it, each with its published report.
    const rsj = sum.sources.find((s: { agencyName: string }) => s.agencyName === '示例市人力资源和社会保障局');
    expect(rsj).toMatchObject({ published: true, reportId: expect.any(String), cells: expect.objectContaining({ 't2.licence': 120 }) });
    expect(sum.sources.reduce((n: number, s: { cells: Record<string, number> }) => n + s.cells['t3.results_total.total']!, 0)).toBe(sum.cells['t3.results_total.total']);
    expectError(await call(t, office, 'GET', '/reports/city-summary?year=2025'), 403, 'FORBIDDEN');
  });
});

describe('monthly report (SUP-5)', () => {
  const city = withDemoCity('2026-01-06T02:00:00.000Z');

  it('SUP-5: November counts interpretations and the 三同步 rate, citizen messages and public-opinion cases, in its Word and Excel too, kept as submitted', async () => {
    const t = city();
    const rsj = await agencyId(t, 'RSJ');
    const office = await signIn(t, 'rsj.office');
    // Interpretations: two published in November, one in October.
    await item(t, rsj, { title: '十一月政策解读一', policy: 'none', made: '2025-11-04', published: '2025-11-04', category: 'interpretation' });
    await item(t, rsj, { title: '十一月政策解读二', policy: 'none', made: '2025-11-12', published: '2025-11-12', category: 'interpretation' });
    await item(t, rsj, { title: '十月政策解读', policy: 'none', made: '2025-10-10', published: '2025-10-10', category: 'interpretation' });
    // 三同步: of the policies published in November one interpreted on time, one late, one overdue, one still within a longer term; October's is not counted.
    const policy = (title: string, published: string) => item(t, rsj, { title, policy: 'important', made: published, published });
    await syncClock(t, rsj, await policy('按时解读的政策', '2025-11-03'), '2025-11-03', '2025-11-04');
    await syncClock(t, rsj, await policy('逾期解读的政策', '2025-11-05'), '2025-11-05', '2025-12-10');
    await syncClock(t, rsj, await policy('未解读的政策', '2025-11-10'), '2025-11-10', null);
    await syncClock(t, rsj, await policy('尚在期限内的政策', '2025-11-28'), '2025-11-28', null, 40);
    await syncClock(t, rsj, await policy('十月的政策', '2025-10-09'), '2025-10-09', '2025-10-10');
    // Citizen messages (OP-6): three received in November (answered on time and rated 满意, answered late and rated 不满意, refused), one in October.
    const message = async (received: string, m: { answered?: string; refused?: boolean; rating?: 'satisfied' | 'unsatisfied' }) => {
      const id = newId();
      const receivedAt = `${received}T02:00:00.000Z`;
      const answeredAt = m.answered ? `${m.answered}T02:00:00.000Z` : null;
      await t.conn.db.insertInto('citizen_messages').values({
        id, agency_id: rsj, topic: '留言', content: '关于社保缴费的咨询留言', asker_name: '张三', asker_phone: '13900000000', token_hash: id, submission_token: id,
        state: m.refused ? 'refused' : answeredAt ? 'published' : 'received', unit_id: null, received_at: receivedAt, transfers_json: '[]', answer: answeredAt ? '答复' : null, answered_at: answeredAt,
        answered_by: null, refusal: m.refused ? 'not_ours' : null, refusal_reason: null, refused_at: m.refused ? receivedAt : null, public_topic: null, public_content: null, public_answer: null,
        published_at: answeredAt, rating: m.rating ?? null, rated_at: m.rating ? answeredAt : null, created_at: receivedAt, updated_at: receivedAt,
      }).execute();
      await t.conn.db.insertInto('deadlines').values({
        id: newId(), agency_id: rsj, subject_type: 'citizen_message', subject_id: id, rule: 'OP-6', spec_json: JSON.stringify({ ...answerSpec(5, receivedAt), ...(answeredAt ? { metAt: answeredAt } : {}) }),
        due_at: receivedAt, met_at: answeredAt, created_at: receivedAt,
      }).execute();
    };
    await message('2025-11-03', { answered: '2025-11-05', rating: 'satisfied' });
    await message('2025-11-03', { answered: '2025-11-28', rating: 'unsatisfied' });
    await message('2025-11-17', { refused: true });
    await message('2025-10-20', { answered: '2025-10-21', rating: 'satisfied' });
    // Public-opinion cases: three found in November (general, responded on time and closed; major, responded late; general, not yet responded), one in October.
    let n = 0;
    const opinionCase = async (found: string, c: { level: 'general' | 'major'; dueHours: number; respondedAfterHours?: number; closed?: boolean }) => {
      const id = newId();
      const foundAt = `${found}T02:00:00.000Z`;
      const at = (hours: number) => new Date(Date.parse(foundAt) + hours * 3_600_000).toISOString();
      await t.conn.db.insertInto('opinion_cases').values({
        id, agency_id: rsj, case_no: `舆情〔2025〕${++n}号`, title: `舆情${n}`, source: 'weibo', link: `https://example.cn/${n}`, happened_at: foundAt, found_at: foundAt, summary: '摘要',
        risk_level: c.level, analysis: '', handling_plan: '', state: c.closed ? 'closed' : c.respondedAfterHours !== undefined ? 'responded' : 'registered', responsible_unit_id: null, intake: 'manual',
        reported_at: null, reported_to: '', feedback: '', created_by: null, created_at: foundAt, updated_at: foundAt,
      }).execute();
      const metAt = c.respondedAfterHours === undefined ? null : at(c.respondedAfterHours);
      await t.conn.db.insertInto('deadlines').values({
        id: newId(), agency_id: rsj, subject_type: 'opinion_case', subject_id: id, rule: c.level === 'major' ? 'OPN-5H' : 'OPN-48H', spec_json: '{}', due_at: at(c.dueHours), met_at: metAt, created_at: foundAt,
      }).execute();
    };
    await opinionCase('2025-11-06', { level: 'general', dueHours: 48, respondedAfterHours: 20, closed: true });
    await opinionCase('2025-11-13', { level: 'major', dueHours: 5, respondedAfterHours: 9 });
    await opinionCase('2025-11-20', { level: 'general', dueHours: 48 });
    await opinionCase('2025-10-15', { level: 'general', dueHours: 48, respondedAfterHours: 2, closed: true });

    const m = (await call(t, office, 'GET', '/reports/monthly/2025-11')).json();
    expect(m.figures.interpretations).toEqual({ published: 2, sync: { due: 3, onTime: 1, late: 2, running: 1, rate: 1 / 3 } });
    expect(m.figures.messages).toEqual({ received: 3, answered: 2, onTime: 1, refused: 1, satisfaction: 50 });
    expect(m.figures.opinion).toEqual({ found: 3, major: 1, responded: 2, respondedOnTime: 1, closed: 1 });
    const captions = m.grids.map((g: Grid) => g.caption);
    expect(captions).toEqual(['一、主动公开信息情况', '二、依申请公开情况', '三、政策解读和“三同步”情况', '四、网民留言办理情况', '五、政务舆情回应情况']);
    const rows = (caption: string) => m.grids.find((g: Grid) => g.caption === caption).rows.map((r: { text: string }[]) => r.map((c) => c.text));
    expect(rows('三、政策解读和“三同步”情况')[1]).toEqual(['2', '3', '1', '2', '33.3%', '1']);
    expect(rows('四、网民留言办理情况')[1]).toEqual(['3', '2', '1', '1', '50%']);
    expect(rows('五、政务舆情回应情况')[1]).toEqual(['3', '1', '2', '1', '1']);

    expect((await call(t, office, 'POST', '/reports/monthly/2025-11/submit')).statusCode).toBe(200);
    // Kept as submitted: a message received later in November does not change it.
    await message('2025-11-25', {});
    expect((await call(t, office, 'GET', '/reports/monthly/2025-11')).json().figures.messages.received).toBe(3);

    const docx = await call(t, office, 'GET', '/reports/monthly/2025-11/file?format=docx');
    expectAllCells(await extractText('docx', new Uint8Array(docx.rawPayload)), m.grids);
    const xlsx = await call(t, office, 'GET', '/reports/monthly/2025-11/file?format=xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['主动公开信息', '依申请公开', '政策解读和“三同步”', '网民留言办理', '政务舆情回应']);
    const sheetRows = (name: string) => {
      const out: string[][] = [];
      book.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map(String)));
      return out;
    };
    expect(sheetRows('政策解读和“三同步”').flat()).toEqual(expect.arrayContaining(['“三同步”率', '33.3%']));
    expect(sheetRows('网民留言办理').flat()).toEqual(expect.arrayContaining(['收到留言', '3', '满意率', '50%']));
    expect(sheetRows('政务舆情回应').flat()).toEqual(expect.arrayContaining(['其中重大及以上', '按时回应', '2']));
  });

  it('SUP-5: December counts items by category and kind, on time and late, applications by outcome; it is due on 5 January, on the to-do list, and kept as submitted', async () => {
    const t = city();
    const rsj = await agencyId(t, 'RSJ');
    const office = await signIn(t, 'rsj.office');
    const late = await item(t, rsj, { title: '逾期发布的通知', policy: 'none', made: '2025-10-01', published: '2025-12-02' });
    await item(t, rsj, { title: '按时发布的通知', policy: 'normative', made: '2025-12-01', published: '2025-12-03' });
    await item(t, rsj, { title: '工作动态', policy: 'none', made: '2025-12-10', published: '2025-12-12', category: 'work' });
    await t.conn.db.insertInto('deadlines').values({ id: newId(), agency_id: rsj, subject_type: 'item', subject_id: late, rule: 'PUB-3', spec_json: '{}', due_at: '2025-11-28T15:59:59.999Z', met_at: '2025-12-02T02:00:00.000Z', created_at: '2025-10-01T02:00:00.000Z' }).execute();
    await app(t, rsj, { kind: 'natural', received: '2025-11-20', finished: '2025-12-10', outcome: 'granted' });
    await app(t, rsj, { kind: 'commercial', received: '2025-12-01', finished: '2025-12-22', outcome: 'unable_not_held', late: true });
    await app(t, rsj, { kind: 'natural', received: '2025-12-15' });

    const todos = (await call(t, office, 'GET', '/todos')).json().items;
    const todo = todos.find((x: { kind: string }) => x.kind === 'monthly_report');
    expect(todo.due).toBe('2026-01-05');

    const m = (await call(t, office, 'GET', '/reports/monthly/2025-12')).json();
    expect(m.figures.items).toEqual([
      { category: 'policy', documents: 2, others: 0, onTime: 1, late: 1 },
      { category: 'work', documents: 1, others: 0, onTime: 1, late: 0 },
    ]);
    expect(m.figures.applications).toMatchObject({ received: 2, answered: 2, onTime: 1 });
    expect(m.figures.applications.byGroup).toMatchObject({ 予以公开: 1, 无法提供: 1, 不予公开: 0 });

    const sub = await call(t, office, 'POST', '/reports/monthly/2025-12/submit');
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json().deadline.state).toBe('met');
    expectError(await call(t, office, 'POST', '/reports/monthly/2025-12/submit'), 409, 'MONTHLY_SUBMITTED');
    expectError(await call(t, office, 'POST', '/reports/monthly/2026-01/submit'), 400, 'MONTH_OPEN');
    // Kept as submitted: a later record does not change it.
    await app(t, rsj, { kind: 'natural', received: '2025-12-20' });
    expect((await call(t, office, 'GET', '/reports/monthly/2025-12')).json().figures.applications.received).toBe(2);
    expect((await call(t, office, 'GET', '/todos')).json().items.some((x: { kind: string }) => x.kind === 'monthly_report')).toBe(false);

    const docx = await call(t, office, 'GET', '/reports/monthly/2025-12/file?format=docx');
    expect(docx.statusCode).toBe(200);
    const text = await extractText('docx', new Uint8Array(docx.rawPayload));
    expect(text).toContain('2025年12月政府信息公开工作月度报告');
    expect(text).toContain('王公开报送');
    const xlsx = await call(t, office, 'GET', '/reports/monthly/2025-12/file?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('LAW-49: an agency may set a stricter day in January; the open clock follows', async () => {
    const t = city();
    const office = await signIn(t, 'rsj.office');
    expect((await call(t, office, 'GET', '/todos')).json().items.find((x: { kind: string }) => x.kind === 'annual_report').due).toBe('2026-01-31');
    expectError(await call(t, office, 'PUT', '/reports/settings', { annualDueDay: 0 }), 400, 'VALIDATION_FAILED');
    const res = await call(t, office, 'PUT', '/reports/settings', { annualDueDay: 20 });
    expect(res.json()).toMatchObject({ annualDueDay: 20 });
    expect((await call(t, office, 'GET', '/todos')).json().items.find((x: { kind: string }) => x.kind === 'annual_report').due).toBe('2026-01-20');
  });
});
