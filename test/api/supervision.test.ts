/**
 * Supervision (监督考评) through the API: the dashboard's clocks, lights, rates and the lists
 * behind them (SUP-1), the indicators beside each score computed on a generated set of
 * on-time and late cases (SUP-2, SUP-3: publication, replies, messages, the 三同步 rate, the
 * annual report, the catalog), the weekly self-check with the platform's findings (SUP-4,
 * ATTR-10, CAT-1, broken attachments, items past their end date), and who held each missed clock (SUP-6). Runs on PostgreSQL when
 * DATABASE_URL is set.
 */
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.ts';
import { appendAudit } from '../../src/modules/audit/audit.service.ts';
import { computeIndicators } from '../../src/modules/supervision/supervision.indicators.ts';
import { agencyId, call, expectError, signIn, userId, withDemoCity, type TestApp } from '../support/app.ts';

/** End of a Beijing day as the deadlines table stores it. */
const dueOn = (date: string) => new Date(`${date}T23:59:59.999+08:00`).toISOString();
const at = (moment: string) => new Date(`${moment}+08:00`).toISOString();

async function unitId(t: TestApp, agency: string, name: string) {
  return (await t.conn.db.selectFrom('units').select('id').where('agency_id', '=', agency).where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function addItem(t: TestApp, agency: string, unit: string, title: string, extra: { attribute?: 'not_disclosed'; state?: 'approved' | 'published'; validUntil?: string } = {}) {
  const id = newId();
  const now = t.clock().toISOString();
  await t.conn.db.insertInto('items').values({
    id, agency_id: agency, unit_id: unit, drafter_id: await userId(t, 'ybj.drafter'), kind: 'document', doc_kind: null, doc_number: '示医保发〔2026〕1号', title, summary: '', body: '', date_made: '2026-01-05',
    category: 'A01' as never, attribute: extra.attribute ?? null, attribute_reason: '', non_public_parts: '', policy_level: 'none' as never, interpretation_plan_json: null, leading_group_review: '', major: 0,
    collective_decision: '', conclusion: null, state: (extra.state ?? 'approved') as never, validity: 'valid', version: 1, change_reason: '', changed_on: '2026-01-05', channels_json: '[]', paper_copies: 0,
    index_number: null, public_body: null, published_at: extra.state === 'published' ? now : null, created_at: now, updated_at: now, valid_until: extra.validUntil ?? null,
  }).execute();
  return id;
}

async function addClock(t: TestApp, agency: string, subjectType: string, rule: string, due: string, met: string | null, subjectId = newId()) {
  await t.conn.db.insertInto('deadlines').values({
    id: newId(), agency_id: agency, subject_type: subjectType, subject_id: subjectId, rule, spec_json: JSON.stringify({ rule, term: { unit: 'workdays', n: 20 }, startedAt: at('2026-01-05T09:00:00') }),
    due_at: dueOn(due), met_at: met, created_at: at('2026-01-05T09:00:00'),
  }).execute();
  return subjectId;
}

/** A clock whose stored spec gives the same due day as its row (as the interpretation module reads the spec): due at the end of `due`. */
async function addDayClock(t: TestApp, agency: string, subjectType: string, rule: string, due: string, met: string | null, subjectId = newId()) {
  const spec = { rule, term: { unit: 'calendarDays', n: 0 }, startedAt: at(`${due}T08:00:00`), ...(met ? { metAt: met } : {}) };
  await t.conn.db.insertInto('deadlines').values({ id: newId(), agency_id: agency, subject_type: subjectType, subject_id: subjectId, rule, spec_json: JSON.stringify(spec), due_at: dueOn(due), met_at: met, created_at: at(`${due}T08:00:00`) }).execute();
}

async function addCatalogEntry(t: TestApp, agency: string, unit: string, itemId: string, summary: string, kind: 'notice' | 'minutes' = 'notice') {
  const postgres = t.conn.dialect === 'postgres';
  await t.conn.db.insertInto('catalog_entries').values({
    item_id: itemId, agency_id: agency, unit_id: unit, version: 1, index_number: `YBJ/2026-${itemId.slice(0, 5)}`, title: '目录条目', doc_number: kind === 'minutes' ? '' : '示医保发〔2026〕1号', summary, category: 'A01' as never, kind,
    date_made: '2026-01-05', year: '2026', validity: 'valid', published_at: at('2026-01-06T09:00:00'), body_text: '', ...(postgres ? { search_vector: '' } : {}),
  }).execute();
}

describe('supervision (SUP-1 … SUP-6, ATTR-10)', () => {
  // Monday 2026-11-23 10:00 Beijing time.
  const city = withDemoCity('2026-11-23T02:00:00.000Z');
  let ybj: string;
  let unit: string;
  let lateItem: string;
  let overdueItem: string;
  let secretItem: string;
  let expiredItem: string;

  it('builds the generated data set: YBJ with known on-time and late clocks', async () => {
    const t = city();
    ybj = await agencyId(t, 'YBJ');
    unit = await unitId(t, ybj, '待遇保障科');
    // PUB-3: four fell due this year, two met on time; one more is not yet due.
    await addClock(t, ybj, 'item', 'PUB-3', '2026-03-10', at('2026-03-09T10:00:00'));
    await addClock(t, ybj, 'item', 'PUB-3', '2026-05-11', at('2026-05-11T17:00:00'));
    lateItem = await addClock(t, ybj, 'item', 'PUB-3', '2026-06-01', at('2026-06-03T11:00:00'), await addItem(t, ybj, unit, '医保待遇调整通知'));
    overdueItem = await addClock(t, ybj, 'item', 'PUB-3', '2026-11-02', null, await addItem(t, ybj, unit, '门诊统筹实施细则'));
    await addClock(t, ybj, 'item', 'PUB-3', '2026-12-21', null);
    // APP-4: three replies, one late; OP-6: one message answered on time.
    await addClock(t, ybj, 'application', 'APP-4', '2026-04-01', at('2026-03-30T15:00:00'));
    await addClock(t, ybj, 'application', 'APP-4', '2026-08-03', at('2026-08-05T09:00:00'));
    await addClock(t, ybj, 'application', 'APP-4', '2026-09-01', at('2026-09-01T09:00:00'));
    await addClock(t, ybj, 'citizen_message', 'OP-6', '2026-10-09', at('2026-10-09T16:00:00'));
    // INT-5 (三同步): three interpretations fell due, one published on time, two late.
    await addDayClock(t, ybj, 'policy_interpretation', 'INT-5', '2026-02-10', at('2026-02-09T10:00:00'));
    await addDayClock(t, ybj, 'policy_interpretation', 'INT-5', '2026-07-15', at('2026-07-20T10:00:00'));
    await addDayClock(t, ybj, 'policy_interpretation', 'INT-5', '2026-09-10', at('2026-09-15T10:00:00'));
    // LAW-49: YBJ published its 2025 report three days after 31 January; RSJ on time; the city's office never started its own.
    await addDayClock(t, ybj, 'annual_report', 'LAW-49', '2026-01-31', at('2026-02-03T10:00:00'), `${ybj}:2025`);
    await addDayClock(t, await agencyId(t, 'RSJ'), 'annual_report', 'LAW-49', '2026-01-31', at('2026-01-20T10:00:00'), `${await agencyId(t, 'RSJ')}:2025`);
    // A kind of clock no code here knows (another capability's) still counts, under its own name.
    await addClock(t, ybj, 'opinion_case', 'OP-5', '2026-11-25', null);
    // Catalog: four entries, one without its summary; a fifth, a 纪要, has no 文号 by nature and is complete (CAT-1, ATTR-1).
    const published: string[] = [];
    for (const summary of ['概述一', '概述二', '概述三', '']) {
      published.push(await addItem(t, ybj, unit, `目录信息${summary}`, { state: 'published' }));
      await addCatalogEntry(t, ybj, unit, published.at(-1)!, summary);
    }
    await addCatalogEntry(t, ybj, unit, await addItem(t, ybj, unit, '专题会议纪要', { state: 'published' }), '会议议定事项', 'minutes');
    expiredItem = await addItem(t, ybj, unit, '2026年度临时救助标准', { state: 'published', validUntil: '2026-10-31' });
    await addItem(t, ybj, unit, '2026年度医保缴费标准', { state: 'published', validUntil: '2026-12-31' });
    // One published attachment whose stored file is gone (the test server stores no files).
    await t.conn.db.insertInto('item_attachments').values({ id: newId(), item_id: published[0]!, name: '附件1.pdf', kind: 'attachment', mime: 'application/pdf', size: 10, sha256: 'a'.repeat(64), text: '', public_sha256: null, created_at: t.clock().toISOString() }).execute();
    secretItem = await addItem(t, ybj, unit, '内部会议纪要', { attribute: 'not_disclosed' });
    // Who handled the late item: the drafter for two days, then the office until after its due day.
    const drafter = { id: await userId(t, 'ybj.drafter'), name: '朱拟稿', role: 'drafter' };
    const office = { id: await userId(t, 'ybj.office'), name: '杨公开', role: 'office' };
    await appendAudit(t.conn.db, () => new Date(at('2026-05-20T09:00:00')), { actor: drafter, agencyId: ybj, action: 'item.create', entityType: 'item', entityId: lateItem });
    await appendAudit(t.conn.db, () => new Date(at('2026-05-22T09:00:00')), { actor: office, agencyId: ybj, action: 'item.submit', entityType: 'item', entityId: lateItem });
    await appendAudit(t.conn.db, () => new Date(at('2026-06-03T11:00:00')), { actor: office, agencyId: ybj, action: 'item.publish', entityType: 'item', entityId: lateItem });
    await appendAudit(t.conn.db, () => new Date(at('2026-10-20T09:00:00')), { actor: drafter, agencyId: ybj, action: 'item.create', entityType: 'item', entityId: overdueItem });
  });

  it('SUP-1: the agency office sees its clocks as traffic lights, the overdue count and this month\'s and year\'s on-time rates', async () => {
    const t = city();
    const res = await call(t, await signIn(t, 'ybj.office'), 'GET', '/supervision/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.agencyCount).toBe(1);
    expect(d.overdue).toBe(1);
    expect(d.open).toBe(3);
    expect(d.lights).toEqual([
      { subjectType: 'item', label: '主动公开', red: 1, yellow: 0, green: 1 },
      { subjectType: 'opinion_case', label: '舆情', red: 0, yellow: 1, green: 0 },
    ]);
    // 2026: PUB-3 4 due / 2 on time, APP-4 3 / 2, OP-6 1 / 1, INT-5 3 / 1, LAW-49 1 / 0.
    expect(d.year).toEqual({ due: 12, onTime: 6, late: 6, rate: 50 });
    expect(d.month).toEqual({ due: 1, onTime: 0, late: 1, rate: 0 });
    expect(d.trend).toHaveLength(12);
    expect(d.trend.find((m: { month: string }) => m.month === '2026-06')).toMatchObject({ due: 1, onTime: 0, late: 1 });
    // RSJ's office sees none of YBJ's clocks; the city's office sees every agency.
    const rsj = (await call(t, await signIn(t, 'rsj.office'), 'GET', '/supervision/dashboard')).json();
    expect(rsj.agencyCount).toBe(1);
    expect(rsj.agencies.map((a: { agency: string }) => a.agency)).not.toContain('示例市医疗保障局');
    const cityView = (await call(t, await signIn(t, 'szf.office'), 'GET', '/supervision/dashboard')).json();
    expect(cityView).toMatchObject({ agencyCount: 3, overdue: 1 + rsj.overdue, open: 3 + rsj.open });
    expect(cityView.agencies).toContainEqual(expect.objectContaining({ agency: '示例市医疗保障局', open: 3, overdue: 1 }));
    expectError(await call(t, await signIn(t, 'rsj.office'), 'GET', `/supervision/dashboard?agencyId=${ybj}`), 403, 'FORBIDDEN');
  });

  it('SUP-1: the overdue number opens the overdue list, with the holder of each case', async () => {
    const t = city();
    const res = await call(t, await signIn(t, 'szf.office'), 'GET', '/supervision/clocks?light=red');
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ subjectId: overdueItem, title: '门诊统筹实施细则', subjectLabel: '主动公开', path: `/documents/${overdueItem}`, agency: '示例市医疗保障局', light: 'red', holder: { name: '朱拟稿' } });
    expect((await call(t, await signIn(t, 'ybj.office'), 'GET', '/supervision/clocks?subjectType=opinion_case')).json().items[0]).toMatchObject({ subjectLabel: '舆情', light: 'yellow', path: expect.stringMatching(/^\/opinion\//) });
    // A report's clock is named by its period, not left as a bare link.
    expect((await call(t, await signIn(t, 'ybj.office'), 'GET', '/supervision/clocks?subjectType=annual_report&missed=true')).json().items[0]).toMatchObject({ title: '2025年政府信息公开工作年度报告', subjectLabel: '年度报告' });
  });

  let assessmentId: string;
  it('SUP-2, SUP-3: the city office\'s year-end assessment shows the computed figures equal to the known cases beside the 15/10/75 items', async () => {
    const t = city();
    const szf = await signIn(t, 'szf.office');
    const templates = (await call(t, szf, 'GET', '/supervision/templates?year=2026')).json().items;
    const points = templates.find((x: { family: string }) => x.family === 'points');
    expect(points.body.areas.map((a: { items: { max: number }[] }) => a.items.reduce((n, i) => n + i.max, 0))).toEqual([15, 10, 75]);
    const res = await call(t, szf, 'POST', '/supervision/assessments', { agencyId: ybj, templateId: points.id, kind: 'year_end', year: 2026 });
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    assessmentId = a.id;
    expect(a.actions).toEqual(['score', 'sign']);
    expect(a.indicators.publication_on_time).toMatchObject({ value: 50, numerator: 2, denominator: 4, path: `/supervision?tab=clocks&missed=1&agencyId=${ybj}&subjectType=item&from=2026-01-01&to=2026-12-31` });
    expect(a.indicators.replies_on_time).toMatchObject({ value: 66.7, numerator: 2, denominator: 3 });
    expect(a.indicators.messages_on_time).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(a.indicators.sync_rate).toMatchObject({ value: 33.3, numerator: 1, denominator: 3, path: `/supervision?tab=clocks&missed=1&agencyId=${ybj}&subjectType=policy_interpretation&from=2026-01-01&to=2026-12-31` });
    expect(a.indicators.annual_report_on_time).toMatchObject({ value: 0, numerator: 0, denominator: 1, path: '/reports/annual' });
    expect(a.indicators.catalog_completeness).toMatchObject({ value: 80, numerator: 4, denominator: 5 });
    expect(a.indicators.appeal_corrections).toMatchObject({ value: 0 });
    // Until it is signed, the assessment waits on the city office's to-do list.
    expect((await call(t, szf, 'GET', '/todos')).json().items).toContainEqual(expect.objectContaining({ kind: 'assessment', title: '考评待签署：示例市医疗保障局2026年年终考核' }));
    // The half-year spot check looks at January to June only: 3 due, 2 on time.
    const spot = (await call(t, szf, 'POST', '/supervision/assessments', { agencyId: ybj, templateId: points.id, kind: 'spot', year: 2026 })).json();
    expect(spot.indicators.publication_on_time).toMatchObject({ numerator: 2, denominator: 3, value: 66.7 });
    expect(spot.indicators.sync_rate).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });

  it('SUP-2, SUP-3: the annual report on time: published by 31 January, published after it, never started', async () => {
    const t = city();
    const year = { from: at('2026-01-01T00:00:00'), to: at('2027-01-01T00:00:00'), now: t.clock().toISOString() };
    const of = async (code: string) => (await computeIndicators(t.conn.db, { agencyId: await agencyId(t, code), ...year }, ['annual_report_on_time'])).annual_report_on_time;
    expect(await of('RSJ')).toMatchObject({ value: 100, numerator: 1, denominator: 1 });
    expect(await of('YBJ')).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
    expect(await of('SZF')).toMatchObject({ value: 0, numerator: 0, denominator: 1, evidence: expect.stringContaining('到期未编制2025年度报告') });
    // Before 31 January has passed, nothing is due yet.
    expect((await computeIndicators(t.conn.db, { agencyId: await agencyId(t, 'SZF'), ...year, now: at('2026-01-20T09:00:00') }, ['annual_report_on_time'])).annual_report_on_time).toMatchObject({ value: null, denominator: 0 });
  });

  it('SUP-2: scores are checked against the template, signing needs every item, and the grade follows the total', async () => {
    const t = city();
    const szf = await signIn(t, 'szf.office');
    expectError(await call(t, szf, 'PUT', `/supervision/assessments/${assessmentId}/scores`, { scores: { 'org.group': { score: 9, note: '' } } }), 400, 'SCORE_OUT_OF_RANGE', /0至8分/);
    await call(t, szf, 'PUT', `/supervision/assessments/${assessmentId}/scores`, { scores: { 'org.group': { score: 8, note: '' } } });
    expectError(await call(t, szf, 'POST', `/supervision/assessments/${assessmentId}/sign`), 400, 'SCORES_INCOMPLETE');
    // YBJ's office may not score its own year-end assessment.
    expectError(await call(t, await signIn(t, 'ybj.office'), 'PUT', `/supervision/assessments/${assessmentId}/scores`, { scores: { 'org.group': { score: 0, note: '' } } }), 403, 'FORBIDDEN');
    const full = { 'org.staff': 7, 'rules.guide': 5, 'rules.secrecy': 5, 'daily.publish': 10, 'daily.catalog': 8, 'daily.reply': 14, 'daily.messages': 10, 'daily.reports': 10, 'daily.appeals': 5 };
    await call(t, szf, 'PUT', `/supervision/assessments/${assessmentId}/scores`, { scores: Object.fromEntries(Object.entries(full).map(([k, score]) => [k, { score, note: '' }])) });
    const signed = await call(t, szf, 'POST', `/supervision/assessments/${assessmentId}/sign`);
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json()).toMatchObject({ state: 'signed', total: 82, grade: '良好', signedBy: '林协调', actions: [] });
    expectError(await call(t, szf, 'PUT', `/supervision/assessments/${assessmentId}/scores`, { scores: {} }), 409, 'ASSESSMENT_SIGNED');
    expect((await call(t, szf, 'GET', '/todos')).json().items.map((i: { title: string }) => i.title)).not.toContain('考评待签署：示例市医疗保障局2026年年终考核');
    const table = (await call(t, szf, 'GET', '/supervision/results?year=2026')).json().items;
    expect(table).toContainEqual(expect.objectContaining({ agency: '示例市医疗保障局', kindLabel: '年终考核', total: 82, max: 100, grade: '良好' }));
    const xlsx = await call(t, szf, 'GET', '/supervision/results.xlsx?year=2026');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    // RSJ reads none of it.
    expectError(await call(t, await signIn(t, 'rsj.office'), 'GET', `/supervision/assessments/${assessmentId}`), 403, 'FORBIDDEN');
    expect((await call(t, await signIn(t, 'rsj.office'), 'GET', '/supervision/results?year=2026')).json().items).toEqual([]);
  });

  it('SUP-3: an agency edits its template for a year as a new version; the assessment made earlier keeps the one it used; agencies evaluate themselves', async () => {
    const t = city();
    const office = await signIn(t, 'ybj.office');
    const points = (await call(t, office, 'GET', '/supervision/templates?year=2026')).json().items.find((x: { family: string }) => x.family === 'points');
    const body = structuredClone(points.body);
    body.areas[0].items[0].name = '成立领导小组并定期研究';
    const saved = await call(t, office, 'POST', '/supervision/templates', { family: 'points', year: 2026, name: '医保局2026年自评', body });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, builtIn: false, max: 100 });
    const again = (await call(t, office, 'POST', '/supervision/templates', { family: 'points', year: 2026, name: '医保局2026年自评', body })).json();
    expect(again.version).toBe(2);
    const listed = (await call(t, office, 'GET', '/supervision/templates?year=2026')).json().items.filter((x: { family: string }) => x.family === 'points');
    expect(listed.map((x: { version: number; builtIn: boolean }) => [x.builtIn, x.version])).toEqual([[false, 2], [true, 1]]);
    expectError(await call(t, office, 'POST', '/supervision/templates', { family: 'points', year: 2026, name: '坏模板', body: { ...body, grades: [{ name: '好', min: 50 }] } }), 400, 'TEMPLATE_GRADES');
    const self = await call(t, office, 'POST', '/supervision/assessments', { agencyId: ybj, templateId: again.id, kind: 'self', year: 2026 });
    expect(self.statusCode, self.body).toBe(200);
    expect(self.json().template.body.areas[0].items[0].name).toBe('成立领导小组并定期研究');
    expect((await call(t, office, 'GET', `/supervision/assessments/${assessmentId}`)).json().template.body.areas[0].items[0].name).toBe('成立领导小组，明确分管领导');
    expectError(await call(t, office, 'POST', '/supervision/assessments', { agencyId: ybj, templateId: again.id, kind: 'year_end', year: 2026 }), 403, 'FORBIDDEN');
  });

  it('SUP-4, ATTR-10: a unit\'s weekly check lists what the platform finds; a fix is verified; every finding fixed or explained before the week is done', async () => {
    const t = city();
    const office = await signIn(t, 'ybj.office');
    // The dashboard shows last week unchecked for every unit.
    expect((await call(t, office, 'GET', '/supervision/dashboard')).json().selfChecks).toMatchObject({ week: '2026-11-16', missing: expect.arrayContaining([expect.objectContaining({ unit: '待遇保障科' })]) });
    const res = await call(t, office, 'POST', '/supervision/self-checks', { unitId: unit, week: '2026-11-18' });
    expect(res.statusCode, res.body).toBe(200);
    const check = res.json();
    expect(check).toMatchObject({ week: '2026-11-16', state: 'open', unit: '待遇保障科' });
    const byKind = (kind: string) => check.findings.filter((f: { kind: string }) => f.kind === kind);
    expect(byKind('publication_overdue').map((f: { subjectId: string }) => f.subjectId)).toEqual([overdueItem]);
    expect(byKind('catalog_incomplete').map((f: { text: string }) => f.text)).toEqual(['目录条目《目录条目》缺少内容概述']);
    expect(byKind('validity_expired').map((f: { subjectId: string; text: string }) => [f.subjectId, f.text])).toEqual([[expiredItem, '《2026年度临时救助标准》有效期至2026-10-31，已过期仍标为有效']]);
    expect(byKind('recheck_due').map((f: { subjectId: string }) => f.subjectId)).toEqual([secretItem]);
    expect(byKind('attachment_broken').map((f: { text: string }) => f.text)).toEqual(['《目录信息概述一》的附件“附件1.pdf”文件缺失，公众无法下载']);
    const overdue = byKind('publication_overdue')[0];
    expectError(await call(t, office, 'POST', `/supervision/self-checks/${check.id}/findings/${overdue.id}`, { resolution: 'fixed', note: '' }), 409, 'FINDING_STILL_PRESENT');
    expectError(await call(t, office, 'POST', `/supervision/self-checks/${check.id}/complete`), 409, 'FINDINGS_OPEN');
    // The item is published: its clock is met, and the fix now holds.
    await t.conn.db.updateTable('deadlines').set({ met_at: t.clock().toISOString() }).where('subject_id', '=', overdueItem).execute();
    expect((await call(t, office, 'POST', `/supervision/self-checks/${check.id}/findings/${overdue.id}`, { resolution: 'fixed', note: '已发布' })).statusCode).toBe(200);
    // SUP-4: the unit fixes the validity; the platform looks again and accepts the fix.
    const expired = byKind('validity_expired')[0];
    expectError(await call(t, office, 'POST', `/supervision/self-checks/${check.id}/findings/${expired.id}`, { resolution: 'fixed', note: '' }), 409, 'FINDING_STILL_PRESENT');
    expect((await call(t, office, 'POST', `/items/${expiredItem}/validity`, { validity: 'expired', reason: '有效期届满' })).statusCode).toBe(204);
    expect((await call(t, office, 'POST', `/supervision/self-checks/${check.id}/findings/${expired.id}`, { resolution: 'fixed', note: '已标记失效' })).statusCode).toBe(200);
    expectError(await call(t, office, 'POST', `/supervision/self-checks/${check.id}/findings/${byKind('recheck_due')[0].id}`, { resolution: 'explained', note: ' ' }), 400, 'NOTE_REQUIRED');
    for (const f of [...byKind('recheck_due'), ...byKind('catalog_incomplete'), ...byKind('attachment_broken')]) {
      await call(t, office, 'POST', `/supervision/self-checks/${check.id}/findings/${f.id}`, { resolution: 'explained', note: '年底前复核' });
    }
    const own = (await call(t, office, 'POST', `/supervision/self-checks/${check.id}/findings`, { text: '栏目更新不及时' })).json().findings.find((f: { kind: string }) => f.kind === 'own');
    await call(t, office, 'POST', `/supervision/self-checks/${check.id}/findings/${own.id}`, { resolution: 'fixed', note: '已更新' });
    const done = await call(t, office, 'POST', `/supervision/self-checks/${check.id}/complete`);
    expect(done.json()).toMatchObject({ state: 'done' });
    const dash = (await call(t, office, 'GET', '/supervision/dashboard')).json().selfChecks;
    expect(dash.missing.map((m: { unit: string }) => m.unit)).not.toContain('待遇保障科');
    expect(dash.missing.map((m: { unit: string }) => m.unit)).toContain('办公室');
    const listed = (await call(t, office, 'GET', '/supervision/self-checks?week=2026-11-16')).json().units;
    expect(listed).toContainEqual(expect.objectContaining({ unit: '待遇保障科', state: 'done', findings: 6, open: 0 }));
    expectError(await call(t, await signIn(t, 'rsj.office'), 'GET', `/supervision/self-checks/${check.id}`), 403, 'FORBIDDEN');
  });

  it('SUP-6: every missed clock of the period traces who held the case at which step and for how long; the report exports', async () => {
    const t = city();
    const szf = await signIn(t, 'szf.office');
    const res = await call(t, szf, 'GET', '/supervision/accountability?from=2026-01-01&to=2026-12-31');
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    // YBJ's: one publication (June), one reply (August), two interpretations (July, September), the
    // 2025 annual report (February); the overdue item was met late in the check above.
    // (The city's own monthly reports, whose clocks started when the city office first looked, count too.)
    expect(report.items.filter((c: { agency: string }) => c.agency === '示例市医疗保障局')).toHaveLength(6);
    const late = report.items.find((c: { subjectId: string }) => c.subjectId === lateItem);
    expect(late.lateHours).toBe(35);
    expect(late.steps.map((s: { actor: string; hours: number; pastDue: boolean }) => [s.actor, s.hours, s.pastDue])).toEqual([['朱拟稿', 48, false], ['杨公开', 290, true], ['杨公开', 0, true]]);
    const xlsx = await call(t, szf, 'GET', '/supervision/accountability.xlsx?from=2026-01-01&to=2026-12-31');
    expect(xlsx.statusCode).toBe(200);
    expectError(await call(t, await signIn(t, 'ybj.drafter'), 'GET', '/supervision/accountability?from=2026-01-01&to=2026-12-31'), 403, 'FORBIDDEN');
  });
});
