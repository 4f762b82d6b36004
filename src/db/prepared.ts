import { CompiledQuery, type Compilable, type Kysely } from 'kysely';

/** Where a parameter goes in a query built once: compiled in its place, replaced by the value on every run. */
class Slot {
  constructor(readonly name: string) {}
}

type Template = { sql: string; parameters: readonly unknown[] };
const templates = new WeakMap<Kysely<unknown>, Map<string, Template>>();

/** The texts preparedRead compiled, each with the name PostgreSQL keeps it under (connect.ts): a few dozen shapes at most. */
const statementNames = new Map<string, string>();
export const preparedStatementName = (sql: string): string | undefined => statementNames.get(sql);

/**
 * Runs a read whose shape is always the same, building and compiling it with Kysely only the
 * first time per database: building a query and compiling it cost as much as SQLite took to
 * run it (tens of µs each), and a fresh portal page runs three. On PostgreSQL the text is also
 * a named statement, parsed and planned once per connection (connect.ts). `build` gets stand-ins for
 * the parameters and must not look at their values, only at whether each is given: a
 * parameter left `undefined` is passed on as it is, and the set of those given is part of
 * the key, so a filter that adds a condition when present gets its own compiled text. Only
 * for tables without sealed columns (src/db/sealed-columns.ts), whose plugin rewrites values
 * when the query is compiled, not when it runs; a stand-in that does not reach the compiled
 * parameters is refused.
 */
export async function preparedRead<P extends Record<string, unknown>, O>(
  db: Kysely<any>, name: string, params: P, build: (p: P) => Compilable<O>,
): Promise<O[]> {
  const given = Object.keys(params).filter((k) => params[k] !== undefined);
  const key = `${name}(${given.join(',')})`;
  let kept = templates.get(db);
  if (!kept) templates.set(db, (kept = new Map()));
  let template = kept.get(key);
  if (!template) {
    const slots = Object.fromEntries(given.map((k) => [k, new Slot(k)]));
    const compiled = build({ ...params, ...slots } as P).compile();
    const used = new Set(compiled.parameters.filter((v) => v instanceof Slot).map((s) => s.name));
    const missing = given.filter((k) => !used.has(k));
    if (missing.length) throw new Error(`prepared read ${name}: parameters ${missing.join(', ')} were not compiled as parameters`);
    template = { sql: compiled.sql, parameters: compiled.parameters };
    kept.set(key, template);
    if (!statementNames.has(template.sql)) statementNames.set(template.sql, `gk_read_${statementNames.size + 1}`);
  }
  const values = template.parameters.map((v) => (v instanceof Slot ? params[v.name] : v));
  return (await db.executeQuery<O>(CompiledQuery.raw(template.sql, values))).rows;
}
