import { Type } from 'typebox';

/** A schema accepting exactly the keys of a vocabulary (its codes), e.g. oneOf(CATEGORIES); typed as those keys. */
export const oneOf = <K extends string>(values: Record<K, unknown>) => Type.Unsafe<K>(Type.Union(Object.keys(values).map((k) => Type.Literal(k))));
