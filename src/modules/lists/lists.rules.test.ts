/** The pure rules of the three published lists: CAT-5 negative list, FIVE-4 service catalog, FIVE-3 list of powers. */
import { describe, expect, it } from 'vitest';
import { negativeEntryProblems, type NegativeEntryFields } from './negative-list.rules.ts';
import { powerProblems, tidyPower, type PowerFields } from './powers.rules.ts';
import { NO_FEE, serviceProblems, tidyService, type ServiceFields } from './services.rules.ts';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code);

describe('negative list entries (CAT-5)', () => {
  const entry = (over: Partial<NegativeEntryFields> = {}): NegativeEntryFields => ({
    matter: '参保人员个人缴费记录', reasonCategory: 'trade_secret_privacy', legalBasis: '条例第十五条', note: '', listedOn: '2026-01-05', reviewedOn: '2026-06-01', ...over,
  });
  const today = '2026-11-23';

  it('accepts a matter with its ground and past dates', () => expect(negativeEntryProblems(entry(), today)).toEqual([]));

  it('names the blank fields in Chinese', () => {
    const [p] = negativeEntryProblems(entry({ matter: '  ', legalBasis: '' }), today);
    expect(p).toEqual({ code: 'NEGATIVE_ENTRY_INCOMPLETE', message: '请填写不予公开的事项、法定依据' });
  });

  it('refuses impossible dates, future dates and a review before the listing', () => {
    expect(codes(negativeEntryProblems(entry({ listedOn: '2026-02-30' }), today))).toEqual(['DATE_INVALID']);
    expect(codes(negativeEntryProblems(entry({ reviewedOn: '2026-11-24' }), today))).toEqual(['DATE_IN_FUTURE']);
    expect(codes(negativeEntryProblems(entry({ reviewedOn: '2025-12-31' }), today))).toEqual(['REVIEW_BEFORE_LISTING']);
  });
});

describe('service items (FIVE-4)', () => {
  const service = (over: Partial<ServiceFields> = {}): ServiceFields => ({
    name: '失业保险金申领', dutyPost: '待遇审核岗', legalBasis: '社会保险法', acceptingUnit: '社保中心', place: '一楼窗口', eligibility: '失业人员', process: '申请、审核、发放',
    materials: ['身份证'], forms: [], fee: NO_FEE, feeBasis: '', timeLimit: '5个工作日', enquiries: '12333', complaints: '12345', ...over,
  });

  it('accepts a complete free service without a fee basis', () => expect(serviceProblems(service())).toEqual([]));

  it('names every blank element of the guide', () => {
    const [p] = serviceProblems(service({ dutyPost: '', complaints: ' ', fee: '' }));
    expect(p).toEqual({ code: 'SERVICE_INCOMPLETE', message: '请填写责任岗位、收费标准、监督投诉渠道' });
  });

  it('needs at least one material, and the basis of any fee', () => {
    expect(codes(serviceProblems(service({ materials: [] })))).toEqual(['SERVICE_MATERIALS_REQUIRED']);
    expect(codes(serviceProblems(service({ fee: '工本费10元' })))).toEqual(['SERVICE_FEE_BASIS_REQUIRED']);
    expect(serviceProblems(service({ fee: '工本费10元', feeBasis: '价格主管部门批复' }))).toEqual([]);
  });

  it('accepts forms linked to a government https site or a single-slash path of this site, and refuses any other link (issue 9: /\\evil.example) or a nameless form', () => {
    const form = (name: string, url: string) => ({ name, url, text: '' });
    expect(serviceProblems(service({ forms: [form('申请表', 'https://example.gov.cn/a.docx'), form('承诺书', '/files/b.pdf')] }))).toEqual([]);
    for (const url of ['javascript:alert(1)', '//evil.example/a', 'file:///etc/passwd', 'a.docx', '/\\evil.example/form.pdf', 'http://example.gov.cn/a.docx', 'https://evil.example/a.pdf', 'https://gov.cn.evil.example/a', 'https://x@evil.example/a']) {
      expect(codes(serviceProblems(service({ forms: [form('申请表', url)] }))), url).toEqual(['SERVICE_FORM_INVALID']);
    }
    expect(codes(serviceProblems(service({ forms: [{ name: '', url: '', text: '样本' }] })))).toEqual(['SERVICE_FORM_INVALID']);
  });

  it('tidies what the form sends: trims, drops blank materials and untouched form rows', () => {
    const tidy = tidyService(service({ name: ' 失业保险金申领 ', materials: [' 身份证 ', '', '  '], forms: [{ name: '', url: '', text: '' }, { name: ' 表 ', url: '', text: '' }] }));
    expect(tidy).toMatchObject({ name: '失业保险金申领', materials: ['身份证'], forms: [{ name: '表', url: '', text: '' }] });
  });
});

describe('administrative powers (FIVE-3)', () => {
  const power = (over: Partial<PowerFields> = {}): PowerFields => ({
    name: '劳动保障监察行政处罚', category: 'penalty', actor: '市人社局', legalBasis: '劳动保障监察条例', timeLimit: '60个工作日', oversight: '行政复议',
    steps: [{ name: '立案', actor: '监察支队', timeLimit: '', note: '' }], ...over,
  });

  it('accepts a power with actor, basis, time limit, oversight and a procedure', () => expect(powerProblems(power())).toEqual([]));

  it('names the blank elements and needs a procedure to draw', () => {
    expect(powerProblems(power({ actor: '', oversight: '' }))[0]).toEqual({ code: 'POWER_INCOMPLETE', message: '请填写实施主体、监督方式' });
    expect(codes(powerProblems(power({ steps: [] })))).toEqual(['POWER_STEPS_REQUIRED']);
  });

  it('needs each step named with who acts', () => {
    const [p] = powerProblems(power({ steps: [{ name: '立案', actor: '支队', timeLimit: '', note: '' }, { name: '告知', actor: '', timeLimit: '', note: '' }] }));
    expect(p).toEqual({ code: 'POWER_STEP_INCOMPLETE', message: '第2个环节须填写环节名称和承办主体' });
  });

  it('drops wholly blank step rows and keeps the order of the rest', () => {
    const blank = { name: ' ', actor: '', timeLimit: '', note: '' };
    const steps = tidyPower(power({ steps: [{ name: '立案 ', actor: '支队', timeLimit: '', note: '' }, blank, { name: '决定', actor: '局长', timeLimit: '', note: '' }] })).steps;
    expect(steps.map((s) => s.name)).toEqual(['立案', '决定']);
  });
});
