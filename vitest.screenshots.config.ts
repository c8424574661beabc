import { defineConfig } from 'vitest/config';

// `npm run screenshots`: the README's feature tour, the store's 1280×800 pictures (docs/store) and
// the library's screenshot and measurement runs, taken from the real extension. Not part of
// `npm test`: they assert nothing a user needs.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['scripts/screenshots.run.ts', 'tests/e2e/extra/**/*.extra.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 60_000,
  },
});
