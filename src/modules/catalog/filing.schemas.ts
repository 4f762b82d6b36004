import { Type, type Static } from 'typebox';
import { oneOf } from '../../http/schemas.ts';
import { itemsOf, pageOf } from '../../core/paging.ts';
import { CATEGORIES } from '../documents/documents.rules.ts';

export const FilingPeriod = Type.Object(
  {
    period: Type.String(),
    label: Type.String(),
    from: Type.String(),
    to: Type.String(),
  },
  { title: 'FilingPeriod' }
);
export type FilingPeriod = Static<typeof FilingPeriod>;

export const CatalogFiling = Type.Object(
  {
    id: Type.String(),
    agencyId: Type.String(),
    period: Type.String(),
    label: Type.String(),
    entryCount: Type.Number(),
    sha256: Type.String(),
    size: Type.Number(),
    filedById: Type.String(),
    filedByName: Type.String(),
    filedAt: Type.String(),
    reportedOn: Type.Union([Type.String(), Type.Null()]),
    reportNote: Type.String(),
  },
  { title: 'CatalogFiling' }
);
export type CatalogFiling = Static<typeof CatalogFiling>;

export const CatalogFilings = Type.Evaluate(
  Type.Intersect([
    itemsOf(CatalogFiling),
    Type.Object({
      agencyId: Type.String(),
      agencyName: Type.String(),
      unfiled: Type.Array(FilingPeriod),
    }),
  ]),
  { title: 'CatalogFilings' }
);
export type CatalogFilings = Static<typeof CatalogFilings>;

export const FilingEntry = Type.Object(
  {
    itemId: Type.String(),
    version: Type.Number(),
    indexNumber: Type.String(),
    title: Type.String(),
    category: oneOf(CATEGORIES),
    docNumber: Type.String(),
    dateMade: Type.String(),
    publishedOn: Type.String(),
  },
  { title: 'FilingEntry' }
);
export type FilingEntry = Static<typeof FilingEntry>;

export const FilingPreview = Type.Evaluate(Type.Intersect([FilingPeriod, pageOf(FilingEntry)]), { title: 'FilingPreview' });
export type FilingPreview = Static<typeof FilingPreview>;
