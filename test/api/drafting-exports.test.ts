import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_SECRETS, sampleDocx } from '../../src/modules/files/fixtures/samples.ts';
import { call, demoApp, signIn, uploadFile, type Session, type TestApp } from '../support/app.ts';
import { draftItem, publishDraft, publishingStaff, type PublishingStaff } from '../support/publish.ts';

let t: TestApp;
let staff: PublishingStaff;

beforeAll(async () => {
  t = await demoApp();
  staff = await publishingStaff(t);
});
afterAll(() => t.close());

async function sheetOf(res: LightMyRequestResponse, name: string) {
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(name)!;
  return { header: (sheet.getRow(1).values as unknown[]).slice(1), rows: sheet.getRows(2, sheet.rowCount - 1)?.map((r) => (r.values as unknown[]).slice(1)) ?? [] };
}

describe('issue 8: the body of a draft imported from a Word file', () => {
  it('answers the text without tracked deletions or comments, for a drafter only', async () => {
    const res = await uploadFile(t, staff.drafter, '/items/import-docx', '答复.docx', sampleDocx());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().text).toContain('经审查，现予公开。');
    expect(res.json().text).not.toContain(DOCX_SECRETS.deleted);
    expect(res.json().text).not.toContain(DOCX_SECRETS.comment);
    expect((await uploadFile(t, staff.office, '/items/import-docx', '答复.docx', sampleDocx())).statusCode).toBe(403);
  });

  it('refuses a file that is not a Word document (415), never a 500', async () => {
    const res = await uploadFile(t, staff.drafter, '/items/import-docx', '通知.docx', new TextEncoder().encode('纯文本'));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
  });
});

describe('issue 8: the catalog entries and the application queue export to Excel, in Beijing time', () => {
  let office: Session;
  beforeAll(async () => {
    office = await signIn(t, 'rsj.office');
  });

  it('目录条目: the agency\'s published entries with publication in Beijing time', async () => {
    t.clock.advance(15 * 60 + 30); // 2026-11-23 17:30 UTC: 2026-11-24 01:30 in Beijing
    staff = await publishingStaff(t);
    office = await signIn(t, 'rsj.office');
    const id = await draftItem(t, staff, { title: '关于凌晨发布的就业见习公告' });
    await publishDraft(t, staff, id);
    const { header, rows } = await sheetOf(await call(t, office, 'GET', '/catalog/entries.xlsx'), '公开目录');
    expect(header).toEqual(['索引号', '标题', '文号', '主题分类', '承办部门', '成文日期', '发布时间', '有效性']);
    const row = rows.find((r) => r[1] === '关于凌晨发布的就业见习公告')!;
    expect(row[6]).toBe('2026-11-24 01:30');
    expect(row[7]).toBe('有效');
    const searched = await sheetOf(await call(t, office, 'GET', `/catalog/entries.xlsx?q=${encodeURIComponent('凌晨发布')}`), '公开目录');
    expect(searched.rows.map((r) => r[1])).toEqual(['关于凌晨发布的就业见习公告']);
  });

  it('申请队列: the cases with masked applicants, received in Beijing time, deadline and light', async () => {
    const reg = await call(t, office, 'POST', '/applications', {
      applicantKind: 'natural', name: '李文', idType: 'prc_id', idNumber: '11010519491231002X', phone: '13800138000', email: 'li@example.com', address: '示例市幸福路8号',
      description: '请公开凌晨登记的申请', purpose: '了解政策', form: 'electronic', delivery: 'email', channel: 'visit', receivedAt: t.clock().toISOString(),
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const { header, rows } = await sheetOf(await call(t, office, 'GET', '/applications.xlsx?open=true'), '申请队列');
    expect(header).toEqual(['登记编号', '收到时间', '收到方式', '申请人', '所需信息', '状态', '承办部门', '答复期限', '期限状态', '办理结果']);
    const row = rows.find((r) => r[0] === reg.json().regNumber)!;
    expect(row.slice(1, 6)).toEqual(['2026-11-24 01:30', '当面提交', expect.not.stringContaining('李文'), '请公开凌晨登记的申请', '已登记']);
    expect(row[8]).toBe('正常');
  });
});
