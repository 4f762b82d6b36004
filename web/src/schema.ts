// How the console names the server's payloads: every type comes from web/src/api-schema.ts,
// generated from the server's OpenAPI document (`npm run gen:api`, docs/api-types.md).
import type { components, paths } from './api-schema';

/** The named payloads: `Schemas['ItemDetail']`. */
export type Schemas = components['schemas'];

export type Path = keyof paths;
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The paths that answer `method`, e.g. `PathOf<'get'>`. */
export type PathOf<M extends Method> = { [P in Path]: paths[P][M] extends undefined | never ? never : P }[Path];
type Operation<P extends Path, M extends Method> = NonNullable<paths[P][M]>;
type Json<R> = R extends { content: { 'application/json': infer J } } ? J : void;

/** What `method path` answers: its 200 or 201 JSON, or void (204, files). */
export type ResponseOf<P extends Path, M extends Method> = Operation<P, M> extends { responses: infer R }
  ? 200 extends keyof R ? Json<R[200]> : 201 extends keyof R ? Json<R[201]> : void
  : void;
/** The JSON body `method path` takes. */
export type BodyOf<P extends Path, M extends Method> = Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** The query string parameters of `method path`. */
export type QueryOf<P extends Path, M extends Method> = NonNullable<Operation<P, M>['parameters']['query']>;
/** The `{name}` parameters of `method path`. */
export type PathParamsOf<P extends Path, M extends Method> = NonNullable<Operation<P, M>['parameters']['path']>;
