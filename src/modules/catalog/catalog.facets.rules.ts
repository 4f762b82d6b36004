import type { Category } from '../documents/documents.rules.ts';

/** The catalog's filters other than the category: each facet row holds a value or ANY for each. */
export const FACET_FILTERS = ['unit_id', 'year', 'kind', 'validity'] as const;
export type FacetFilter = (typeof FACET_FILTERS)[number];
/** A facet row's value for "any value of this filter". */
export const ANY = '*';

/** What an entry is counted under (PUB-2). */
export type FacetEntry = { agency_id: string; category: Category } & Record<FacetFilter, string>;
export type FacetRow = FacetEntry & { n: number };

/**
 * The change of the facet counts when `removed` entries leave the catalog and `added` ones
 * enter it: each entry counts in the 16 rows where each filter is its value or ANY. Rows whose
 * changes cancel out are left out, so a republication that moves nothing writes nothing.
 */
export function facetDeltas(removed: readonly FacetEntry[], added: readonly FacetEntry[]): FacetRow[] {
  const deltas = new Map<string, FacetRow>();
  const count = (e: FacetEntry, by: number) => {
    for (let mask = 0; mask < 1 << FACET_FILTERS.length; mask++) {
      const row: FacetRow = { agency_id: e.agency_id, category: e.category, unit_id: ANY, year: ANY, kind: ANY, validity: ANY, n: 0 };
      FACET_FILTERS.forEach((f, i) => { if (mask & (1 << i)) row[f] = e[f]; });
      const key = [row.agency_id, row.category, ...FACET_FILTERS.map((f) => row[f])].join('\u0000');
      const held = deltas.get(key);
      if (held) held.n += by;
      else deltas.set(key, { ...row, n: by });
    }
  };
  for (const e of removed) count(e, -1);
  for (const e of added) count(e, 1);
  return [...deltas.values()].filter((r) => r.n !== 0);
}
