import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import * as calendar from './calendar.service.ts';
import { AddWorkdaysResult, CalendarYear, WorkdayCount } from './calendar.schemas.ts';

const DateString = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' });
const Year = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
const sysAdmin = { roles: ['sys_admin'] } as const;

export async function calendarRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/calendar/add-workdays', {
    config: { access: 'staff' },
    schema: { response: { 200: AddWorkdaysResult }, tags: ['calendar'], summary: '起算日后第 N 个工作日（起算日不计入）', querystring: Type.Object({ from: DateString, n: Type.Integer({ minimum: 0, maximum: 1000 }) }, { additionalProperties: false }) },
  }, async (req) => calendar.workdayAfter(deps.db, req.query.from, req.query.n));

  r.get('/calendar/workdays', {
    config: { access: 'staff' },
    schema: { response: { 200: WorkdayCount }, tags: ['calendar'], summary: '两日之间的工作日数（不含起日，含止日）', querystring: Type.Object({ from: DateString, to: DateString }, { additionalProperties: false }) },
  }, async (req) => calendar.workdaysBetween(deps.db, req.query.from, req.query.to));

  r.get('/calendar/:year', { config: { access: 'staff' }, schema: { response: { 200: CalendarYear }, tags: ['calendar'], summary: '某年的节假日和调休工作日', params: Year } },
    async (req) => calendar.calendarYear(deps.db, req.params.year));

  r.put('/calendar/days/:date', {
    config: { access: sysAdmin },
    schema: {
      tags: ['calendar'], summary: '调整某日（节假日 / 调休工作日 / 恢复常规）',
      params: Type.Object({ date: DateString }),
      body: Type.Object({ kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday'), Type.Literal('normal')]), name: Type.Optional(Type.String({ maxLength: 20 })) }, { additionalProperties: false }),
    },
  }, async (req) => calendar.setCalendarDay(deps, actorOf(req), req.params.date, req.body.kind, req.body.name ?? ''));

  r.post('/calendar/:year/cover', { config: { access: sysAdmin }, schema: { tags: ['calendar'], summary: '确认某年节假日数据已完整', params: Year } },
    async (req) => calendar.coverYear(deps, actorOf(req), req.params.year));
}
