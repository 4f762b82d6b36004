/**
 * The benchmark's cache-off mode: a page asked for with its own `bench=<n>` query parameter,
 * which the pages ignore but the server's page cache (src/portal/page-cache.ts) keys on, is
 * rendered from the database, as a page nobody has read lately would be.
 */
export const bypassingCache = (path: string, n: number): string => `${path}${path.includes('?') ? '&' : '?'}bench=${n}`;
