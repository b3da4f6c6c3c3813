import { defineConfig } from 'vitest/config';

// `npm test`: the core, the built bundle and the add-on against the fake Apps Script services, then the fuzz
// suite. No browser. The fuzz suite runs after the other files, so its CPU does not stretch their timings.
export default defineConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/fuzz/**', 'node_modules/**'], sequence: { groupOrder: 0 } } },
      { extends: true, test: { name: 'fuzz', include: ['test/fuzz/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
