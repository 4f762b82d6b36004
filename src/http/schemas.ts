import { Type } from 'typebox';

/** A schema accepting exactly the keys of a vocabulary (its codes), e.g. oneOf(CATEGORIES). */
export const oneOf = (values: Record<string, unknown>) => Type.Union(Object.keys(values).map((k) => Type.Literal(k)));
