import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { chinaToday } from '../../core/clock.ts';
import { notFound } from '../../core/errors.ts';
import { PageQuery, paging } from '../../core/paging.ts';
import { actorOf } from '../../http/access.ts';
import type { AppDeps } from '../../http/deps.ts';
import { sendDownload, XLSX } from '../../http/download.ts';
import { oneOf } from '../../http/schemas.ts';
import { ITEM_ROLES } from '../documents/documents.repo.ts';
import { CATEGORIES, DOC_KINDS, VALIDITIES } from '../documents/documents.rules.ts';
import { catalogWorkbook } from './catalog.export.ts';
import { catalogPage, type CatalogFilter } from './catalog.repo.ts';
import { searchCatalog } from './catalog.search.ts';
import { markWords, snippet } from './search.highlight.ts';
import { CatalogEntries } from './catalog.schemas.ts';

const strict = { additionalProperties: false } as const;

const EntriesQuery = {
  agencyId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '省略时为本机关' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: '检索词；省略时按发布时间浏览' })),
  category: Type.Optional(oneOf(CATEGORIES)),
  year: Type.Optional(Type.String({ pattern: '^[0-9]{4}$' })),
  kind: Type.Optional(Type.Union([oneOf(DOC_KINDS), Type.Literal('other')])),
  validity: Type.Optional(oneOf(VALIDITIES)),
  sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('date')])),
};

/**
 * 目录条目 for staff (CAT-4: they help visitors search the catalog): the public catalog of
 * their agency, or of any agency of the city (it is public), browsed or searched exactly
 * as the portal does, with the words found marked.
 */
export async function catalogRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const agencyOf = async (id: string) => {
    const agency = await deps.db.selectFrom('agencies').select(['id', 'code']).where('id', '=', id).executeTakeFirst();
    if (!agency) throw notFound('机关');
    return agency;
  };

  r.get('/catalog/entries.xlsx', {
    config: { access: { roles: ITEM_ROLES } },
    schema: { tags: ['catalog'], summary: '导出公开目录条目（Excel，北京时间）：筛选或检索的结果', querystring: Type.Object(EntriesQuery, strict) },
  }, async (req, reply) => {
    const { q, sort, category, year, kind, validity } = req.query;
    const agency = await agencyOf(req.query.agencyId ?? actorOf(req).agencyId);
    const bytes = await catalogWorkbook(deps, agency.id, { category, year, kind, validity }, q, sort);
    return sendDownload(reply, { name: `公开目录-${agency.code}-${chinaToday(deps.clock)}.xlsx`, mime: XLSX, bytes });
  });

  r.get('/catalog/entries', {
    config: { access: { roles: ITEM_ROLES } },
    schema: { response: { 200: CatalogEntries },
      tags: ['catalog'], summary: '公开目录条目：浏览或全文检索（与门户相同）',
      querystring: Type.Object({ ...EntriesQuery, ...PageQuery }, strict),
    },
  }, async (req) => {
    const { q, sort, category, year, kind, validity } = req.query;
    const f: CatalogFilter = { category, year, kind, validity };
    const p = paging(req.query);
    const agency = await agencyOf(req.query.agencyId ?? actorOf(req).agencyId);
    const url = (id: string) => `/xxgk/${agency.code}/items/${id}`;
    if (!q?.trim()) {
      const { entries, total } = await catalogPage(deps, agency.id, f, p.page, p.pageSize);
      return {
        ...p, total, capped: false, words: [],
        items: entries.map(({ summary, ...e }) => ({ ...e, url: url(e.id), titleMarks: [{ text: e.title, hit: false }], snippetMarks: summary ? [{ text: summary, hit: false }] : [] })),
      };
    }
    const result = await searchCatalog(deps, { q, agencyId: agency.id, filter: f, sort: sort ?? 'relevance', ...p });
    const marks = result.terms.flatMap((t) => t.words);
    return {
      ...p, total: result.total, capped: result.capped, words: result.terms.map((t) => t.word),
      items: result.hits.map((h) => ({
        id: h.id, indexNumber: h.indexNumber, title: h.title, docNumber: h.docNumber, category: h.category, dateMade: h.dateMade,
        publishedAt: h.publishedAt, validity: h.validity, unitName: h.unitName, url: url(h.id),
        titleMarks: markWords(h.title, marks), snippetMarks: markWords(snippet(h.bodyText, marks), marks),
      })),
    };
  });
}
