import { defineConfig } from 'vitest/config';

// `npm test`: the core, the built bundle and the add-on against the fake Apps Script services. No browser.
// The SQL engine tests (DuckDB, PGlite) run after the others, so they do not compete for the CPU with the
// timed add-on tests on a small machine.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/sql/**', 'node_modules/**'], sequence: { groupOrder: 0 } } },
      { test: { name: 'sql', include: ['test/sql/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
