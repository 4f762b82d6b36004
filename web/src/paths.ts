/** The console's mount point without the trailing slash: "/admin" (vite `base`). */
export const BASENAME = import.meta.env.BASE_URL.replace(/\/$/, '');

/** A path as the router sees it: "/admin/users" → "/users"; paths outside the console are kept. */
export function toConsolePath(path: string): string {
  if (path === BASENAME) return '/';
  return path.startsWith(`${BASENAME}/`) ? path.slice(BASENAME.length) : path;
}
