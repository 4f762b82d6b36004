import { CompiledQuery } from 'kysely';
import type { Tx } from './database.ts';
import { dialectOf } from './dialect.ts';

/**
 * Many rows of one table in as few statements as the databases allow, with the statement's
 * text built once per shape and no query tree: Kysely compiling a multi-row insert of
 * thousands of values costs more than the database's work (issue 17, `gongkai import`).
 * Values are passed as parameters, never spliced. Only for tables without sealed columns:
 * the SealedColumnsPlugin does not see these statements.
 *
 * `casts` names columns whose parameter the database must convert (PostgreSQL's tsvector).
 * With `returning`, the inserted rows' values of those columns come back in insert order.
 */
export async function insertRows<R = Record<string, unknown>>(
  tx: Tx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[],
  options: { casts?: Record<string, string>; returning?: readonly string[] } = {},
): Promise<R[]> {
  if (rows.length === 0) return [];
  const postgres = dialectOf(tx) === 'postgres';
  const perStatement = Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length));
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    const text = statementText(postgres, table, columns, part.length, options);
    const result = await tx.executeQuery<R>(CompiledQuery.raw(text, part.flat()));
    for (const row of result.rows) out.push(row);
  }
  return out;
}

/** Under SQLite's 32,766 bound parameters and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;
/** Longer statements gain nothing and cost the parser. */
const ROWS_PER_STATEMENT = 500;

const texts = new Map<string, string>();
const quote = (name: string) => `"${name}"`;

function statementText(postgres: boolean, table: string, columns: readonly string[], count: number, options: { casts?: Record<string, string>; returning?: readonly string[] }): string {
  const key = `${postgres}|${table}|${columns.join(',')}|${count}|${JSON.stringify(options)}`;
  const known = texts.get(key);
  if (known) return known;
  let n = 0;
  const param = (column: string) => {
    n++;
    const p = postgres ? `$${n}` : '?';
    const cast = options.casts?.[column];
    return cast ? `cast(${p} as ${cast})` : p;
  };
  const values = Array.from({ length: count }, () => `(${columns.map(param).join(', ')})`).join(', ');
  const returning = options.returning?.length ? ` returning ${options.returning.map(quote).join(', ')}` : '';
  const text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${values}${returning}`;
  texts.set(key, text);
  return text;
}
