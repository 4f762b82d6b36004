import type { FastifyInstance } from 'fastify';

/** How an operation states its declared access (src/http/app.ts): `[]` when public, else the session with the roles it needs (none: any staff). */
type Security = Array<Record<string, string[]>>;
export type Operation = { method: string; path: string; security?: Security };

/** Every operation of the server's OpenAPI description, as its method, templated path and declared access. */
export async function openApiOperations(app: FastifyInstance): Promise<Operation[]> {
  await app.ready();
  const spec = app.swagger() as { paths: Record<string, Record<string, { security?: Security }>> };
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path, security: op.security })));
}

/** The path with each `{parameter}` replaced by `value(name)`. */
export const fillPath = (path: string, value: (name: string) => string) => path.replace(/\{([^}]+)\}/g, (_, name: string) => value(name));
