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
  if (dialectOf(tx) === 'postgres') return insertUnnested<R>(tx, table, columns, rows, options);
  const perStatement = Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length));
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    const text = statementText(table, columns, part.length, options);
    const result = await tx.executeQuery<R>(CompiledQuery.raw(text, part.flat()));
    for (const row of result.rows) out.push(row);
  }
  return out;
}

/** Under SQLite's 32,766 bound parameters. */
const MAX_PARAMETERS = 30_000;
/** Longer statements gain nothing and cost the parser. */
const ROWS_PER_STATEMENT = 500;

const texts = new Map<string, string>();
const quote = (name: string) => `"${name}"`;

type Options = { casts?: Record<string, string>; returning?: readonly string[] };
const returningOf = (options: Options) => (options.returning?.length ? ` returning ${options.returning.map(quote).join(', ')}` : '');

/** SQLite: `values (?, ?), (?, ?)…`, one text per table, columns and row count. */
function statementText(table: string, columns: readonly string[], count: number, options: Options): string {
  const key = `${table}|${columns.join(',')}|${count}|${JSON.stringify(options)}`;
  const known = texts.get(key);
  if (known) return known;
  const row = `(${columns.map((c) => (options.casts?.[c] ? `cast(? as ${options.casts[c]})` : '?')).join(', ')})`;
  const text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${Array.from({ length: count }, () => row).join(', ')}${returningOf(options)}`;
  texts.set(key, text);
  return text;
}

/**
 * PostgreSQL: one array parameter per column, unnest'ed into rows: a statement of a few
 * parameters whatever the row count, which the server parses and plans at once, where a
 * multi-row VALUES list of thousands of parameters costs it more than the rows.
 */
async function insertUnnested<R>(tx: Tx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options: Options): Promise<R[]> {
  const types = await columnTypes(tx, table);
  const key = `pg|${table}|${columns.join(',')}|${JSON.stringify(options)}`;
  let text = texts.get(key);
  if (!text) {
    const select = columns.map((c, i) => (options.casts?.[c] ? `cast(c${i} as ${options.casts[c]})` : `c${i}`)).join(', ');
    const arrays = columns.map((c, i) => `$${i + 1}::${options.casts?.[c] ? 'text' : types.get(c)}[]`).join(', ');
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) select ${select} from unnest(${arrays}) as u(${columns.map((_, i) => `c${i}`).join(', ')})${returningOf(options)}`;
    texts.set(key, text);
  }
  const result = await tx.executeQuery<R>(CompiledQuery.raw(text, columns.map((_, c) => rows.map((r) => r[c]))));
  return [...result.rows];
}

const typesOf = new Map<string, Map<string, string>>();

/** Each column's type as PostgreSQL spells it, read once per table (the same in every schema: one migration history). */
async function columnTypes(tx: Tx, table: string): Promise<Map<string, string>> {
  const known = typesOf.get(table);
  if (known) return known;
  const found = await tx.executeQuery<{ name: string; type: string }>(CompiledQuery.raw(
    'select attname as name, format_type(atttypid, atttypmod) as type from pg_attribute where attrelid = cast($1 as regclass) and attnum > 0 and not attisdropped', [table],
  ));
  const types = new Map(found.rows.map((r) => [r.name, r.type]));
  typesOf.set(table, types);
  return types;
}
