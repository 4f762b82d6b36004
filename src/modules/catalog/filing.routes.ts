import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { paging, PageQuery } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { sendDownload, XLSX } from '../../http/download.ts';
import { createFiling, filingFile, listFilings, previewPeriod } from './filing.service.ts';
import { CatalogFiling, CatalogFilings, FilingPreview } from './filing.schemas.ts';

const strict = { additionalProperties: false } as const;
const Period = Type.String({ pattern: '^[0-9]{4}Q[1-4]$', description: '季度，如 2026Q3' });
/** Omitted: the caller's own agency; a city-level grant reaches the agencies below it. */
const AgencyQuery = { agencyId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })) };
const readers = { roles: ['office', 'leader'] } as const;

export async function filingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.get('/catalog/filings', {
    config: { access: readers },
    schema: { response: { 200: CatalogFilings }, tags: ['catalog'], summary: '目录备案记录和未备案的季度（CAT-2）', querystring: Type.Object(AgencyQuery, strict) },
  }, async (req) => {
    const actor = actorOf(req);
    return listFilings(deps, actor, req.query.agencyId ?? actor.agencyId);
  });

  r.get('/catalog/filings/periods/:period', {
    config: { access: readers },
    schema: { response: { 200: FilingPreview }, tags: ['catalog'], summary: '预览某季度应备案的主动公开目录条目（分页）', params: Type.Object({ period: Period }), querystring: Type.Object({ ...AgencyQuery, ...PageQuery }, strict) },
  }, async (req) => {
    const actor = actorOf(req);
    return previewPeriod(deps, actor, req.query.agencyId ?? actor.agencyId, req.params.period, paging(req.query));
  });

  r.post('/catalog/filings', {
    config: { access: { roles: ['office'] } },
    schema: { response: { 201: CatalogFiling },
      tags: ['catalog'], summary: '生成目录备案：列出该季度主动公开的条目并保存 Excel（CAT-2）',
      body: Type.Object({
        ...AgencyQuery, period: Period,
        reportedOn: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }), Type.Null()])),
        reportNote: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
      }, strict),
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const { agencyId, ...input } = req.body;
    return reply.status(201).send(await createFiling(deps, actor, agencyId ?? actor.agencyId, input));
  });

  r.get('/catalog/filings/:id/file', {
    config: { access: readers },
    schema: { tags: ['catalog'], summary: '下载备案时保存的 Excel 目录', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }) },
  }, async (req, reply) => sendDownload(reply, { ...(await filingFile(deps, actorOf(req), req.params.id)), mime: XLSX }));
}
