import { CompiledQuery } from 'kysely';
import { SEALED_TABLES, type Tx } from './database.ts';
import { dialectOf } from './dialect.ts';

/** Under SQLite's 32,766 bound parameters (PostgreSQL allows 65,535): every multi-row statement of the catalog's writers keeps to it. */
export const MAX_PARAMETERS = 30_000;
/** Rows of `columns` values each that one statement may bind. */
export const rowsPerStatement = (columns: number) => Math.floor(MAX_PARAMETERS / columns);

/**
 * Many rows of one table in as few statements as the databases allow, with the statement's
 * text built once per shape and no query tree: Kysely compiling a multi-row insert of
 * thousands of values costs more than the database's work (issue 17, `gongkai import`).
 * Values are passed as parameters, never spliced. Refuses a table with sealed columns: the
 * SealedColumnsPlugin does not see these statements, so their values would be stored in clear.
 *
 * `binary` (PostgreSQL) names columns whose values are Buffers in the binary form of the
 * element type given by its OID, sent as one binary array without a text form to parse.
 * Text columns go as binary text[] by themselves (their values' UTF-8 bytes): the array
 * literal pg would build and the server parse cost both sides more than the rows.
 * With `returning`, the inserted rows' values of those columns come back (in no set order).
 * With `upsert`, a row whose `key` is taken adds its `add` columns to the row held.
 */
export async function insertRows<R = Record<string, unknown>>(
  tx: Tx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], options: Options = {},
): Promise<R[]> {
  if (table in SEALED_TABLES) throw new Error(`insertRows: ${table} has sealed columns; write it through Kysely so they are sealed`);
  if (rows.length === 0) return [];
  if (dialectOf(tx) === 'postgres') return insertUnnested<R>(tx, table, columns, rows, options);
  const perStatement = Math.min(ROWS_PER_STATEMENT, rowsPerStatement(columns.length));
  const out: R[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const part = rows.slice(i, i + perStatement);
    const text = statementText(table, columns, part.length, options);
    const result = await tx.executeQuery<R>(CompiledQuery.raw(text, part.flat()));
    for (const row of result.rows) out.push(row);
  }
  return out;
}

/** Longer statements gain nothing and cost the parser. */
const ROWS_PER_STATEMENT = 500;

const texts = new Map<string, string>();
const quote = (name: string) => `"${name}"`;

type Options = { binary?: Record<string, number>; returning?: readonly string[]; upsert?: { key: readonly string[]; add: readonly string[] } };
const tailOf = (table: string, options: Options) =>
  (options.upsert ? ` on conflict (${options.upsert.key.map(quote).join(', ')}) do update set ${options.upsert.add.map((c) => `${quote(c)} = ${quote(table)}.${quote(c)} + excluded.${quote(c)}`).join(', ')}` : '')
  + (options.returning?.length ? ` returning ${options.returning.map(quote).join(', ')}` : '');

/** SQLite: `values (?, ?), (?, ?)…`, one text per table, columns and row count. */
function statementText(table: string, columns: readonly string[], count: number, options: Options): string {
  const key = `${table}|${columns.join(',')}|${count}|${JSON.stringify(options)}`;
  const known = texts.get(key);
  if (known) return known;
  const row = `(${columns.map(() => '?').join(', ')})`;
  const text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) values ${Array.from({ length: count }, () => row).join(', ')}${tailOf(table, options)}`;
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
    const select = columns.map((_, i) => `c${i}`).join(', ');
    const arrays = columns.map((c, i) => `$${i + 1}::${types.get(c)}[]`).join(', ');
    text = `insert into ${quote(table)} (${columns.map(quote).join(', ')}) select ${select} from unnest(${arrays}) as u(${columns.map((_, i) => `c${i}`).join(', ')})${tailOf(table, options)}`;
    texts.set(key, text);
  }
  const binary = options.binary ?? {};
  const parameters = columns.map((name, c) => {
    const values = rows.map((r) => r[c]);
    if (binary[name]) return binaryArray(binary[name], values as Buffer[]);
    // Text goes as binary text[] too: the server copies each value instead of parsing an array literal of them all, and pg builds no such literal.
    if (types.get(name) === 'text' && values.every((v) => typeof v === 'string' || v === null)) return binaryArray(TEXT_OID, values as (string | null)[]);
    return values;
  });
  const result = await tx.executeQuery<R>(CompiledQuery.raw(text, parameters));
  return [...result.rows];
}

/** PostgreSQL's built-in type text (pg_type.oid). */
const TEXT_OID = 25;

/**
 * A one-dimensional array in PostgreSQL's binary form (array_recv), of elements already in
 * their own binary form or texts (text's binary form is its UTF-8 bytes); null for NULL.
 */
function binaryArray(elementOid: number, values: readonly (Buffer | string | null)[]): Buffer {
  const lengths = values.map((v) => (v === null ? -1 : typeof v === 'string' ? Buffer.byteLength(v) : v.length));
  let size = 20;
  for (const length of lengths) size += 4 + Math.max(length, 0);
  const out = Buffer.allocUnsafe(size);
  out.writeInt32BE(1, 0);
  out.writeInt32BE(lengths.includes(-1) ? 1 : 0, 4);
  out.writeUInt32BE(elementOid, 8);
  out.writeInt32BE(values.length, 12);
  out.writeInt32BE(1, 16);
  let at = 20;
  values.forEach((v, i) => {
    at = out.writeInt32BE(lengths[i]!, at);
    if (typeof v === 'string') at += out.write(v, at);
    else if (v) at += v.copy(out, at);
  });
  return out;
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
