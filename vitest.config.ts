import { defineConfig } from 'vitest/config';

// Unit and integration tests. They run on SQLite, and on PostgreSQL as well when
// DATABASE_URL is set (each test database is a fresh schema, see test/support/db.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
