/**
 * The three lists an agency publishes on its disclosure column, kept by its disclosure
 * office in the console: the negative list (CAT-5), the public service catalog (FIVE-4)
 * and the list of administrative powers with their flow charts (FIVE-3). Everything is
 * done through the API as staff do it and checked on the public pages as citizens see them.
 */
import { describe, expect, it } from 'vitest';
import { agencyId, call, expectError, signIn, withDemoCity, type Session, type TestApp } from '../support/app.ts';

const get = (t: TestApp, url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

const SERVICE = {
  name: '社会保障卡补换', dutyPost: '社会保障卡服务岗', legalBasis: '《社会保障卡管理办法》第二十条', acceptingUnit: '市社会保险事业服务中心', place: '市民服务中心一楼12号窗口',
  eligibility: '社会保障卡遗失或损坏的参保人员', process: '挂失\n提交申请\n制卡\n领卡', materials: ['居民身份证', '近期一寸白底照片'],
  forms: [{ name: '社会保障卡补换申请表', url: 'https://rsj.example.gov.cn/sbk.docx' }, { name: '代办委托书', text: '委托人、受托人姓名及身份证号码' }],
  fee: '工本费20元', feeBasis: '省发展改革委、省财政厅关于社会保障卡工本费标准的通知', timeLimit: '即时办结', enquiries: '0310-1234388', complaints: '12345 政务服务便民热线',
};

const POWER = {
  name: '劳动保障监察行政处罚（示例）', category: 'penalty', actor: '示例市人力资源和社会保障局', legalBasis: '《劳动保障监察条例》第二十三条', timeLimit: '60个工作日', oversight: '行政复议、行政诉讼',
  steps: [
    { name: '立案', actor: '劳动保障监察支队', timeLimit: '5个工作日' },
    { name: '调查取证', actor: '两名以上监察员' },
    { name: '告知', actor: '劳动保障监察支队', note: '告知陈述、申辩和听证权利' },
    { name: '听证', actor: '政策法规科', note: '可选，依当事人申请' },
    { name: '决定', actor: '局负责人' },
    { name: '送达', actor: '劳动保障监察支队', timeLimit: '7日' },
    { name: '执行', actor: '劳动保障监察支队' },
  ],
};

describe('published lists of an agency (CAT-5, FIVE-3, FIVE-4)', () => {
  const city = withDemoCity();
  let office: Session;
  let drafter: Session;
  const ids: Record<string, string> = {};

  it('CAT-5: the office lists a matter with its ground; the public page shows it with the date the list was updated', async () => {
    const t = city();
    office = await signIn(t, 'rsj.office');
    drafter = await signIn(t, 'rsj.drafter');
    const res = await call(t, office, 'POST', '/negative-list', { matter: '信访举报人的个人信息', reasonCategory: 'trade_secret_privacy', legalBasis: '《信访工作条例》第三十四条', note: '举报人本人可查询办理结果。' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ listedOn: '2026-11-23', reviewedOn: '2026-11-23' });
    ids.negative = res.json().id;

    const page = await get(t, '/xxgk/RSJ/negative-list');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('信访举报人的个人信息');
    expect(page.body).toContain('商业秘密、个人隐私');
    expect(page.body).toContain('《信访工作条例》第三十四条');
    expect(page.body).toMatch(/更新日期：<time datetime="2026-11-23">2026-11-23<\/time>/);
    expect(page.body).toContain('参保人员个人社会保险缴费记录'); // the demo bureau's own entries
    expect(page.headers.etag).toBeTruthy();
    expect((await get(t, '/xxgk/RSJ/negative-list', { 'if-none-match': String(page.headers.etag) })).statusCode).toBe(304);
  });

  it('CAT-5: a review date before the listing, or in the future, is refused with a Chinese message', async () => {
    const t = city();
    expectError(await call(t, office, 'PATCH', `/negative-list/${ids.negative}`, { listedOn: '2026-11-20', reviewedOn: '2026-11-01' }), 400, 'REVIEW_BEFORE_LISTING', /复核日期不能早于列入日期/);
    expectError(await call(t, office, 'PATCH', `/negative-list/${ids.negative}`, { reviewedOn: '2027-01-01' }), 400, 'DATE_IN_FUTURE', /复核日期不能晚于今天/);
    expectError(await call(t, office, 'POST', '/negative-list', { matter: ' ', reasonCategory: 'state_secret', legalBasis: '' }), 400, 'NEGATIVE_ENTRY_INCOMPLETE', /请填写不予公开的事项、法定依据/);
    expectError(await call(t, office, 'POST', '/negative-list', { matter: '某事项', reasonCategory: 'no_such', legalBasis: '某法' }), 400, 'VALIDATION_FAILED');
  });

  it('CAT-5, FIVE-3, FIVE-4: a drafter reads the lists but cannot change them', async () => {
    const t = city();
    const list = await call(t, drafter, 'GET', '/negative-list?q=信访');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, page: 1 });
    expectError(await call(t, drafter, 'PATCH', `/negative-list/${ids.negative}`, { matter: '改' }), 403, 'FORBIDDEN');
    expectError(await call(t, drafter, 'POST', '/services', SERVICE), 403, 'FORBIDDEN');
    expectError(await call(t, drafter, 'POST', '/powers', POWER), 403, 'FORBIDDEN');
    expectError(await call(t, drafter, 'DELETE', `/negative-list/${ids.negative}`), 403, 'FORBIDDEN');
  });

  it("CAT-5: another bureau's office cannot touch RSJ's list", async () => {
    const t = city();
    const ybj = await signIn(t, 'ybj.office');
    expectError(await call(t, ybj, 'PATCH', `/negative-list/${ids.negative}`, { matter: '改' }), 403, 'FORBIDDEN');
    expect((await call(t, ybj, 'GET', '/negative-list')).json().total).toBe(0);
  });

  it('FIVE-4: the guide page of a service shows every element: duty post, basis, unit, place, who may apply, process, materials, forms, fees and basis, time limit, enquiries, complaints', async () => {
    const t = city();
    const res = await call(t, office, 'POST', '/services', SERVICE);
    expect(res.statusCode, res.body).toBe(201);
    ids.service = res.json().id;
    const list = await get(t, '/xxgk/RSJ/services');
    expect(list.body).toContain(`href="/xxgk/RSJ/services/${ids.service}"`);
    expect(list.body).toContain('失业保险金申领');

    const guide = await get(t, `/xxgk/RSJ/services/${ids.service}`);
    expect(guide.statusCode).toBe(200);
    for (const label of ['事项名称', '责任岗位', '法定依据', '受理单位', '办理地点', '服务对象及申请条件', '办理流程', '申请材料', '表格样本', '收费标准及依据', '办理时限', '咨询方式', '监督投诉渠道']) {
      expect(guide.body, label).toContain(`<th scope="row">${label}</th>`);
    }
    for (const value of ['社会保障卡服务岗', '《社会保障卡管理办法》第二十条', '市社会保险事业服务中心', '市民服务中心一楼12号窗口', '社会保障卡遗失或损坏的参保人员', '<p>制卡</p>',
      '<li>近期一寸白底照片</li>', '<a href="https://rsj.example.gov.cn/sbk.docx">社会保障卡补换申请表</a>', '委托人、受托人姓名及身份证号码', '工本费20元', '依据：省发展改革委', '即时办结', '0310-1234388', '12345 政务服务便民热线']) {
      expect(guide.body, value).toContain(value);
    }
  });

  it('FIVE-4: a fee needs its basis, a form link must be safe, and an incomplete guide is refused naming what is missing', async () => {
    const t = city();
    expectError(await call(t, office, 'POST', '/services', { ...SERVICE, feeBasis: '' }), 400, 'SERVICE_FEE_BASIS_REQUIRED', /收费的事项须写明收费依据/);
    expectError(await call(t, office, 'POST', '/services', { ...SERVICE, forms: [{ name: '表', url: 'javascript:alert(1)' }] }), 400, 'SERVICE_FORM_INVALID', /链接须为本站路径/);
    expectError(await call(t, office, 'POST', '/services', { ...SERVICE, dutyPost: '', materials: [] }), 400, 'LIST_ENTRY_INVALID', /请填写责任岗位；请至少列出一项申请材料/);
    const free = await call(t, office, 'PATCH', `/services/${ids.service}`, { fee: '不收费', feeBasis: '' });
    expect(free.statusCode, free.body).toBe(200);
    expect((await get(t, `/xxgk/RSJ/services/${ids.service}`)).body).toContain('<td>不收费</td>');
  });

  it('FIVE-3: the page of a power shows its chart as an accessible SVG with one box per step, and the steps as text', async () => {
    const t = city();
    const res = await call(t, office, 'POST', '/powers', POWER);
    expect(res.statusCode, res.body).toBe(201);
    ids.power = res.json().id;
    expect(res.json().steps[1]).toEqual({ name: '调查取证', actor: '两名以上监察员', timeLimit: '', note: '' });

    const list = await get(t, '/xxgk/RSJ/powers?category=penalty');
    expect(list.body).toContain(`href="/xxgk/RSJ/powers/${ids.power}"`);
    expect(list.body).not.toContain('人力资源服务许可'); // a licensing power, filtered out

    const page = await get(t, `/xxgk/RSJ/powers/${ids.power}`);
    expect(page.statusCode).toBe(200);
    const svg = page.body.match(/<svg[\s\S]*?<\/svg>/)![0];
    expect(svg).toMatch(/role="img"/);
    expect(svg).toContain('<title id="flow-title">劳动保障监察行政处罚（示例）运行流程图</title>');
    expect(svg).toMatch(/<desc id="flow-desc">共7个环节/);
    expect(svg.match(/<rect /g)).toHaveLength(7);
    expect(svg).toMatch(/viewBox="0 0 360 \d+"/);
    const steps = page.body.match(/<ol class="flow-steps">([\s\S]*?)<\/ol>/)![1]!;
    expect(steps.match(/<li>/g)).toHaveLength(7);
    expect(steps).toContain('<strong>听证</strong>：由政策法规科承办（可选，依当事人申请）');
    for (const value of ['行政处罚', '示例市人力资源和社会保障局', '《劳动保障监察条例》第二十三条', '60个工作日', '行政复议、行政诉讼']) expect(page.body).toContain(value);
  });

  it('FIVE-3: a step without who acts is refused; the preview draws unsaved steps for the editor', async () => {
    const t = city();
    expectError(await call(t, office, 'PATCH', `/powers/${ids.power}`, { steps: [{ name: '立案', actor: '' }] }), 400, 'POWER_STEP_INCOMPLETE', /第1个环节须填写环节名称和承办主体/);
    expectError(await call(t, office, 'PATCH', `/powers/${ids.power}`, { steps: [] }), 400, 'POWER_STEPS_REQUIRED', /请至少填写一个办理环节/);
    const preview = await call(t, drafter, 'POST', '/powers/flow-preview', { name: '某许可', steps: [{ name: '受理', actor: '窗口' }, { name: '决定', actor: '局长' }] });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json().svg.match(/<rect /g)).toHaveLength(2);
    expect(preview.json().svg).toContain('某许可运行流程图');
  });

  it('CAT-5, FIVE-3, FIVE-4: deleted entries disappear from the portal', async () => {
    const t = city();
    for (const [path, id] of [['/negative-list', ids.negative], ['/services', ids.service], ['/powers', ids.power]] as const) {
      const res = await call(t, office, 'DELETE', `${path}/${id}`);
      expect(res.statusCode, res.body).toBe(204);
      expectError(await call(t, office, 'DELETE', `${path}/${id}`), 404, 'NOT_FOUND');
    }
    expect((await get(t, '/xxgk/RSJ/negative-list')).body).not.toContain('信访举报人的个人信息');
    expect((await get(t, '/xxgk/RSJ/services')).body).not.toContain('社会保障卡补换');
    expect((await get(t, `/xxgk/RSJ/services/${ids.service}`)).statusCode).toBe(404);
    expect((await get(t, '/xxgk/RSJ/powers')).body).not.toContain('劳动保障监察行政处罚（示例）');
    expect((await get(t, `/xxgk/RSJ/powers/${ids.power}`)).statusCode).toBe(404);
    expect((await get(t, `/xxgk/YBJ/powers/${ids.power}`)).statusCode).toBe(404);
  });

  it('CAT-5, FIVE-3, FIVE-4: every create, update and delete is in the audit log with who did it as the office', async () => {
    const t = city();
    const rsj = await agencyId(t, 'RSJ');
    const events = await t.conn.db.selectFrom('audit_events').select(['action', 'actor_role', 'entity_id', 'before_json'])
      .where('agency_id', '=', rsj).where('entity_id', 'in', [ids.negative!, ids.service!, ids.power!]).orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['negative_list_entry.create', 'service_item.create', 'service_item.update', 'power.create', 'negative_list_entry.delete', 'service_item.delete', 'power.delete']);
    expect(events.every((e) => e.actor_role === 'office')).toBe(true);
    expect(JSON.parse(events.find((e) => e.action === 'power.delete')!.before_json!).steps).toHaveLength(7);
  });

  it('links the three lists from the agency column', async () => {
    const t = city();
    const column = (await get(t, '/xxgk/RSJ')).body;
    for (const href of ['/xxgk/RSJ/negative-list', '/xxgk/RSJ/services', '/xxgk/RSJ/powers']) expect(column).toContain(`href="${href}"`);
    expect((await get(t, '/xxgk/NOPE/powers')).statusCode).toBe(404);
  });
});
