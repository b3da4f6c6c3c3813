import { defineConfig } from 'vitest/config';

// `npm test`: the core, the built bundle and the add-on against the fake Apps Script services, then the fuzz
// suite, then the SQL engine tests (DuckDB, PGlite). No browser. The fuzz and engine tests run after the other
// files, so their CPU does not stretch the others' timings on a small machine.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/fuzz/**', 'test/sql/**', 'node_modules/**'],
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'fuzz', include: ['test/fuzz/**/*.test.ts'], sequence: { groupOrder: 1 } } },
      { extends: true, test: { name: 'sql', include: ['test/sql/**/*.test.ts'], sequence: { groupOrder: 2 } } },
    ],
  },
});
