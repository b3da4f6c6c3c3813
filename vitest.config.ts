import { defineConfig } from 'vitest/config';

// `npm test`: the core, the built bundle and the add-on against the fake Apps Script services. No browser.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
  },
});
