import { defineConfig } from 'vitest/config';

// End-to-end tests drive Debian's Chromium with the built extension; one browser at a time
// keeps a 2-core machine responsive.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
