import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { badRequest } from '../../core/errors.ts';
import { actorOf } from '../../http/access.ts';
import { sendDownload } from '../../http/download.ts';
import type { AppDeps } from '../../http/deps.ts';
import { oneOf } from '../../http/schemas.ts';
import { sniffFile } from '../files/sniff.ts';
import { ANNUAL_ACTIONS, ENTRY_KEYS } from './reports.rules.ts';
import { AnnualReport, AnnualReportList, CitySummary, MonthlyReport, ReportCharts, ReportEntries, ReportRecords, ReportSettings } from './reports.schemas.ts';
import {
  actOnAnnual, addEntry, annualDownload, annualRecords, citySummary, citySummaryWorkbook, correctAnnual, createAnnual, deleteEntry, getAnnual, getMonthly, importEntries,
  listAnnual, listEntries, monthlyFile, REPORT_ROLES, reportCharts, reportSettings, setReportSettings, submitMonthly, updateAnnual,
} from './reports.service.ts';

const strict = { additionalProperties: false } as const;
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' });
const Text = (max: number) => Type.String({ maxLength: max });
const readers = { roles: REPORT_ROLES };
const office = { roles: ['office'] } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The annual report (LAW-49/50) and the monthly report (SUP-5). */
export async function reportRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/reports/annual', { config: { access: readers }, schema: { tags: ['reports'], summary: '各机关某年度报告的状态和期限（市政府办公室可见全部机关）', querystring: Type.Object({ year: Year }, strict), response: { 200: AnnualReportList } } },
    async (req) => listAnnual(deps, actorOf(req), req.query.year));

  r.post('/reports/annual', { config: { access: office }, schema: { tags: ['reports'], summary: '起草上一年度的政府信息公开工作年度报告（数据由系统统计，文字部分可编辑）', body: Type.Object({ year: Year }, strict), response: { 201: AnnualReport } } },
    async (req, reply) => reply.status(201).send(await getAnnual(deps, actorOf(req), await createAnnual(deps, actorOf(req), req.body))));

  r.get('/reports/annual/:id', { config: { access: readers }, schema: { tags: ['reports'], summary: '年度报告：六部分、按国家格式排列的表格、校验结果、可办理的操作', params: Id, response: { 200: AnnualReport } } },
    async (req) => getAnnual(deps, actorOf(req), req.params.id));

  r.put('/reports/annual/:id', {
    config: { access: office },
    schema: { tags: ['reports'], summary: '修改草稿的文字部分和现行有效件数的说明', params: Id, body: Type.Object({ texts: Type.Object({ overall: Text(20000), problems: Text(20000), other: Text(20000) }, strict), stockReason: Text(2000) }, strict), response: { 200: AnnualReport } },
  }, async (req) => {
    await updateAnnual(deps, actorOf(req), req.params.id, req.body);
    return getAnnual(deps, actorOf(req), req.params.id);
  });

  r.post('/reports/annual/:id/actions/:action', {
    config: { access: readers },
    schema: { tags: ['reports'], summary: '提交审核、审核通过、退回、批准发布（表三勾稽关系不成立的报告不能提交）', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), action: oneOf(ANNUAL_ACTIONS) }, strict), body: Type.Object({ opinion: Text(2000) }, strict), response: { 200: AnnualReport } },
  }, async (req) => {
    await actOnAnnual(deps, actorOf(req), req.params.id, req.params.action, req.body.opinion);
    return getAnnual(deps, actorOf(req), req.params.id);
  });

  r.post('/reports/annual/:id/correct', { config: { access: office }, schema: { tags: ['reports'], summary: '更正已发布的报告：生成新版本草稿，原版本保留', params: Id, body: Type.Object({ reason: Text(2000) }, strict), response: { 201: AnnualReport } } },
    async (req, reply) => reply.status(201).send(await getAnnual(deps, actorOf(req), await correctAnnual(deps, actorOf(req), req.params.id, req.body.reason))));

  r.get('/reports/annual/:id/records', {
    config: { access: readers },
    schema: { tags: ['reports'], summary: '表格中某一数字背后的记录清单', params: Id, querystring: Type.Object({ key: Type.String({ minLength: 1, maxLength: 100 }) }, strict), response: { 200: ReportRecords } },
  }, async (req) => annualRecords(deps, actorOf(req), req.params.id, req.query.key));

  r.get('/reports/annual/:id/file', {
    config: { access: readers },
    schema: { tags: ['reports'], summary: '下载年度报告（Word、PDF 或 Excel 表格）', params: Id, querystring: Type.Object({ format: Type.Union([Type.Literal('docx'), Type.Literal('pdf'), Type.Literal('xlsx')]) }, strict) },
  }, async (req, reply) => sendDownload(reply, await annualDownload(deps, actorOf(req), req.params.id, req.query.format)));

  r.get('/reports/city-summary', { config: { access: office }, schema: { tags: ['reports'], summary: '全市年度报告汇总表（市政府办公室）', querystring: Type.Object({ year: Year }, strict), response: { 200: CitySummary } } },
    async (req) => citySummary(deps, actorOf(req), req.query.year));

  r.get('/reports/city-summary.xlsx', { config: { access: office }, schema: { tags: ['reports'], summary: '导出全市年度报告汇总表（Excel）', querystring: Type.Object({ year: Year }, strict) } },
    async (req, reply) => sendDownload(reply, { name: `${req.query.year}年度政府信息公开工作年度报告汇总.xlsx`, mime: XLSX, bytes: await citySummaryWorkbook(deps, actorOf(req), req.query.year) }));

  r.get('/reports/entries', { config: { access: readers }, schema: { tags: ['reports'], summary: '其他系统掌握的年报数据（许可、处罚、强制、收费）及其来源、录入人', querystring: Type.Object({ year: Year }, strict), response: { 200: ReportEntries } } },
    async (req) => listEntries(deps, actorOf(req), req.query.year));

  r.post('/reports/entries', {
    config: { access: office },
    schema: { tags: ['reports'], summary: '录入一项年报数据（注明来源）', body: Type.Object({ year: Year, key: oneOf(ENTRY_KEYS), value: Type.Number({ minimum: 0, maximum: 1e9 }), source: Text(500) }, strict), response: { 201: ReportEntries } },
  }, async (req, reply) => reply.status(201).send(await addEntry(deps, actorOf(req), req.body)));

  r.delete('/reports/entries/:id', { config: { access: office }, schema: { tags: ['reports'], summary: '删除一项年报数据', params: Id} }, async (req, reply) => {
    await deleteEntry(deps, actorOf(req), req.params.id);
    return reply.status(204).send();
  });

  r.post('/reports/entries/import', { config: { access: office }, schema: { tags: ['reports'], summary: '从 Excel 导入年报数据（multipart 字段 file；列：事项、数量、来源）', querystring: Type.Object({ year: Year }, strict), response: { 201: ReportEntries } } }, async (req, reply) => {
    const file = await req.file();
    if (!file) throw badRequest('FILE_REQUIRED', '请选择要导入的 Excel 文件');
    const bytes = new Uint8Array(await file.toBuffer());
    if (sniffFile(bytes)?.kind !== 'xlsx') throw badRequest('IMPORT_NOT_XLSX', '请上传 Excel（.xlsx）文件');
    return reply.status(201).send(await importEntries(deps, actorOf(req), req.query.year, bytes));
  });

  r.get('/reports/charts', { config: { access: readers }, schema: { tags: ['reports'], summary: '图表数据：各月主动公开和依申请公开数量、办理结果、按时率', querystring: Type.Object({ year: Year }, strict), response: { 200: ReportCharts } } },
    async (req) => reportCharts(deps, actorOf(req), req.query.year));

  r.get('/reports/settings', { config: { access: readers }, schema: { tags: ['reports'], summary: '本机关年度报告的报送期限', response: { 200: ReportSettings } } }, async (req) => reportSettings(deps, actorOf(req)));

  r.put('/reports/settings', { config: { access: office }, schema: { tags: ['reports'], summary: '设定更严格的年度报告报送期限（1月的某日）', body: Type.Object({ annualDueDay: Type.Integer({ minimum: 1, maximum: 31 }) }, strict), response: { 200: ReportSettings } } },
    async (req) => setReportSettings(deps, actorOf(req), req.body.annualDueDay));

  r.get('/reports/monthly/:month', { config: { access: readers }, schema: { tags: ['reports'], summary: '月度报告：主动公开和依申请公开的月度统计（已报送的按报送时保存）', params: Type.Object({ month: Month }, strict), response: { 200: MonthlyReport } } },
    async (req) => getMonthly(deps, actorOf(req), req.params.month));

  r.post('/reports/monthly/:month/submit', { config: { access: office }, schema: { tags: ['reports'], summary: '报送月度报告（次月5日前）', params: Type.Object({ month: Month }, strict), response: { 200: MonthlyReport } } },
    async (req) => submitMonthly(deps, actorOf(req), req.params.month));

  r.get('/reports/monthly/:month/file', {
    config: { access: readers },
    schema: { tags: ['reports'], summary: '下载月度报告（Word 或 Excel）', params: Type.Object({ month: Month }, strict), querystring: Type.Object({ format: Type.Union([Type.Literal('docx'), Type.Literal('xlsx')]) }, strict) },
  }, async (req, reply) => sendDownload(reply, await monthlyFile(deps, actorOf(req), req.params.month, req.query.format)));
}
