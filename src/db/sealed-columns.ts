import {
  AliasNode, BinaryOperationNode, ColumnNode, ColumnUpdateNode, OperationNodeTransformer, PrimitiveValueListNode, ReferenceNode, TableNode, ValueListNode, ValueNode, ValuesNode,
  type InsertQueryNode, type KyselyPlugin, type OperationNode, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryResult, type RootOperationNode,
  type Kysely, type UnknownRow, type UpdateQueryNode,
} from 'kysely';
import { blindIndex, isSealed, open, seal, type Keyring } from '../core/field-crypto.ts';

/** A sealed column, and the column holding its blind index where rows are found by its value. */
export type SealedColumn = { index?: string };
export type SealedColumns = Record<string, Record<string, SealedColumn>>;

const tableOf = (node: OperationNode | undefined): string | null => {
  if (!node) return null;
  if (TableNode.is(node)) return node.table.identifier.name;
  if (AliasNode.is(node)) return tableOf(node.node);
  return null;
};

function rootTables(node: RootOperationNode): string[] {
  switch (node.kind) {
    case 'SelectQueryNode':
    case 'DeleteQueryNode':
      return (node.from?.froms ?? []).map(tableOf).filter((t): t is string => !!t);
    case 'UpdateQueryNode':
      return [tableOf(node.table)].filter((t): t is string => !!t);
    case 'InsertQueryNode':
      return [tableOf(node.into)].filter((t): t is string => !!t);
    default:
      return [];
  }
}

/** Rewrites one query: sealed values on the way in, their blind index where a row is found by value. */
class Sealer extends OperationNodeTransformer {
  constructor(private readonly ring: Keyring, private readonly columns: Record<string, SealedColumn>, private readonly table: string) {
    super();
  }

  private sealValue(v: unknown): unknown {
    return typeof v === 'string' && v !== '' ? seal(this.ring, v) : v;
  }

  private index(column: string, v: unknown): unknown {
    return typeof v === 'string' ? blindIndex(this.ring, `${this.table}.${column}`, v) : v;
  }

  protected override transformInsertQuery(node: InsertQueryNode): InsertQueryNode {
    const n = super.transformInsertQuery(node);
    if (!n.columns || !n.values || !ValuesNode.is(n.values)) return n;
    const names = n.columns.map((c) => c.column.name);
    const indexed = names.filter((c) => this.columns[c]?.index);
    const rowValues = (values: readonly unknown[]) => [
      ...values.map((v, i) => (this.columns[names[i]!] ? this.sealValue(v) : v)),
      ...indexed.map((c) => this.index(c, values[names.indexOf(c)])),
    ];
    const rows = n.values.values.map((row) => {
      if (PrimitiveValueListNode.is(row)) return PrimitiveValueListNode.create(rowValues(row.values));
      const plain = row.values.map((v, i) => {
        if (!this.columns[names[i]!]) return v;
        if (!ValueNode.is(v)) throw new Error(`sealed column ${names[i]} takes plain values only`);
        return v.value;
      });
      const out = rowValues(plain);
      return ValueListNode.create(out.map((v, i) => (i < row.values.length && !this.columns[names[i]!] ? row.values[i]! : ValueNode.create(v))));
    });
    return { ...n, columns: [...n.columns, ...indexed.map((c) => ColumnNode.create(this.columns[c]!.index!))], values: ValuesNode.create(rows) };
  }

  protected override transformUpdateQuery(node: UpdateQueryNode): UpdateQueryNode {
    const n = super.transformUpdateQuery(node);
    if (!n.updates) return n;
    const updates: ColumnUpdateNode[] = [];
    for (const u of n.updates) {
      const name = ColumnNode.is(u.column) ? u.column.column.name : '';
      const spec = this.columns[name];
      if (!spec) {
        updates.push(u);
        continue;
      }
      if (!ValueNode.is(u.value)) throw new Error(`sealed column ${name} takes plain values only`);
      updates.push(ColumnUpdateNode.create(u.column, ValueNode.create(this.sealValue(u.value.value))));
      if (spec.index) updates.push(ColumnUpdateNode.create(ColumnNode.create(spec.index), ValueNode.create(this.index(name, u.value.value))));
    }
    return { ...n, updates };
  }

  protected override transformBinaryOperation(node: BinaryOperationNode): BinaryOperationNode {
    const n = super.transformBinaryOperation(node);
    const left = ReferenceNode.is(n.leftOperand) && ColumnNode.is(n.leftOperand.column) ? n.leftOperand.column.column.name : ColumnNode.is(n.leftOperand) ? n.leftOperand.column.name : null;
    const spec = left ? this.columns[left] : undefined;
    if (!left || !spec) return n;
    const op = (n.operator as { operator?: string }).operator;
    if (op === 'is' || op === 'is not') return n;
    const column = ColumnNode.create(spec.index ?? left);
    const ref = ReferenceNode.is(n.leftOperand) && n.leftOperand.table ? ReferenceNode.create(column, n.leftOperand.table) : column;
    if (spec.index && op === '=' && ValueNode.is(n.rightOperand)) return BinaryOperationNode.create(ref, n.operator, ValueNode.create(this.index(left, n.rightOperand.value)));
    if (spec.index && op === 'in' && PrimitiveValueListNode.is(n.rightOperand)) {
      return BinaryOperationNode.create(ref, n.operator, PrimitiveValueListNode.create(n.rightOperand.values.map((v) => this.index(left, v))));
    }
    throw new Error(`${this.table}.${left} is encrypted: find rows by it only with = or in on its blind index`);
  }
}

/**
 * A Kysely plugin that keeps the listed columns encrypted at rest: values are sealed on
 * insert and update, opened on read, and `where col = value` on a column with a blind
 * index is answered from the index. Code above the database sees plain values; the
 * database file, its dumps and backups only ever hold `gk1:` envelopes.
 */
export class SealedColumnsPlugin implements KyselyPlugin {
  private readonly names: Set<string>;

  constructor(readonly ring: Keyring, private readonly sealed: SealedColumns) {
    this.names = new Set(Object.values(sealed).flatMap((cols) => Object.keys(cols)));
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const table = rootTables(node).find((t) => this.sealed[t]);
    return table ? new Sealer(this.ring, this.sealed[table]!, table).transformNode(node) : node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (!result.rows.length) return result;
    const rows = result.rows.map((row) => {
      let out: UnknownRow | null = null;
      for (const key of Object.keys(row)) {
        if (this.names.has(key) && isSealed(row[key])) (out ??= { ...row })[key] = open(this.ring, row[key]);
      }
      return out ?? row;
    });
    return { ...result, rows };
  }
}

/** The keyring a connection seals with; the audit chain keys its links with the same ring. */
export function keyringOf(db: Pick<Kysely<unknown>, 'getExecutor'>): Keyring {
  const plugin = db.getExecutor().plugins.find((p): p is SealedColumnsPlugin => p instanceof SealedColumnsPlugin);
  if (!plugin) throw new Error('this database connection has no key ring');
  return plugin.ring;
}
