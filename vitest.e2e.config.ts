import { defineConfig } from 'vitest/config';

// `npm run test:e2e`: the playground in Debian's Chromium through playwright-core. Never downloads a browser.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
