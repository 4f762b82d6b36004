import { Type } from 'typebox';

/** A schema accepting exactly the keys of a vocabulary (its codes), e.g. oneOf(CATEGORIES); typed as those keys. */
export const oneOf = <K extends string>(values: Record<K, unknown>) => Type.Unsafe<K>(Type.Union(Object.keys(values).map((k) => Type.Literal(k))));

/** A value or null: `Nullable(Deadline)`. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
