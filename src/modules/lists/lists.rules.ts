import type { Problem } from '../documents/documents.rules.ts';

/** Shared by the three lists' rules: a required text field, named in Chinese when it is blank. */
export function missingFields<K extends string>(values: Record<NoInfer<K>, string>, labels: Record<K, string>, code: string): Problem[] {
  const missing = (Object.keys(labels) as K[]).filter((k) => !values[k].trim());
  return missing.length ? [{ code, message: `请填写${missing.map((k) => labels[k]).join('、')}` }] : [];
}

/** Trims every string field of a flat record (what a clerk pastes often ends in spaces or a newline). */
export const trimmed = <T extends Record<string, unknown>>(o: T): T =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : v])) as T;
