import { Type, type Static } from 'typebox';

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
};

export const pageOf = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });

/** A whole list, unpaged: `{ items }`. */
export const itemsOf = <T extends ReturnType<typeof Type.Object>>(item: T) => Type.Object({ items: Type.Array(item) });

export type Paging = { page: number; pageSize: number };

export const paging = (q: { page?: number; pageSize?: number }): Paging => ({
  page: q.page ?? 1,
  pageSize: q.pageSize ?? 20,
});

export const offsetOf = (p: Paging): number => (p.page - 1) * p.pageSize;

export type Page<T> = Paging & { items: T[]; total: number };

export type PageSchema<T extends ReturnType<typeof Type.Object>> = Static<ReturnType<typeof pageOf<T>>>;
