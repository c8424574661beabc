import { defineConfig } from 'vitest/config';

// `npm run screenshots`: the README's feature tour, taken from the real extension.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['scripts/screenshots.run.ts'],
    testTimeout: 300_000,
  },
});
