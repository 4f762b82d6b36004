import { Type, type Static } from 'typebox';
import { oneOf } from '../../http/schemas.ts';
import { itemsOf } from '../../core/paging.ts';
import { CATEGORIES, VALIDITIES } from '../documents/documents.rules.ts';

export const Stretch = Type.Object(
  {
    text: Type.String(),
    hit: Type.Boolean(),
  },
  { title: 'Stretch' }
);
export type Stretch = Static<typeof Stretch>;

export const CatalogEntryView = Type.Object(
  {
    id: Type.String(),
    indexNumber: Type.String(),
    title: Type.String(),
    docNumber: Type.String(),
    category: oneOf(CATEGORIES),
    dateMade: Type.String(),
    publishedAt: Type.String(),
    validity: oneOf(VALIDITIES),
    unitName: Type.String(),
    url: Type.String(),
    titleMarks: Type.Array(Stretch),
    snippetMarks: Type.Array(Stretch),
  },
  { title: 'CatalogEntryView' }
);
export type CatalogEntryView = Static<typeof CatalogEntryView>;

export const CatalogEntries = Type.Evaluate(
  Type.Intersect([
    itemsOf(CatalogEntryView),
    Type.Object({
      total: Type.Number(),
      capped: Type.Boolean(),
      words: Type.Array(Type.String()),
    }),
  ]),
  { title: 'CatalogEntries' }
);
export type CatalogEntries = Static<typeof CatalogEntries>;
