import { chinaDateTimeOf } from '../../core/clock.ts';
import { EXPORT_LIMIT, workbookOf } from '../../http/workbook.ts';
import { CATEGORIES, VALIDITIES } from '../documents/documents.rules.ts';
import { catalogPage, type CatalogDeps, type CatalogFilter } from './catalog.repo.ts';
import { COUNT_CAP, searchCatalog, type SearchSort } from './catalog.search.ts';

type Row = { indexNumber: string; title: string; docNumber: string; category: keyof typeof CATEGORIES; dateMade: string; publishedAt: string; validity: keyof typeof VALIDITIES; unitName: string };

/**
 * 目录条目 as Excel (issue 8): an agency's public catalog as the console lists it, filtered,
 * or the entries a search finds (at most the search's own cap); publication in Beijing time.
 */
export async function catalogWorkbook(deps: CatalogDeps, agencyId: string, filter: CatalogFilter, q?: string, sort: SearchSort = 'relevance'): Promise<Buffer> {
  const rows: Row[] = q?.trim()
    ? (await searchCatalog(deps, { q, agencyId, filter, sort, page: 1, pageSize: COUNT_CAP })).hits
    : (await catalogPage(deps, agencyId, filter, 1, EXPORT_LIMIT)).entries;
  return workbookOf('公开目录', [
    { header: '索引号', key: 'indexNumber', width: 22 }, { header: '标题', key: 'title', width: 50 }, { header: '文号', key: 'docNumber', width: 22 },
    { header: '主题分类', key: 'category', width: 14 }, { header: '承办部门', key: 'unitName', width: 16 }, { header: '成文日期', key: 'dateMade', width: 12 },
    { header: '发布时间', key: 'publishedAt', width: 18 }, { header: '有效性', key: 'validity', width: 8 },
  ], rows.map((r) => ({
    indexNumber: r.indexNumber, title: r.title, docNumber: r.docNumber, category: CATEGORIES[r.category], unitName: r.unitName,
    dateMade: r.dateMade, publishedAt: chinaDateTimeOf(r.publishedAt), validity: VALIDITIES[r.validity],
  })));
}
