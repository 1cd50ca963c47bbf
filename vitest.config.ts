import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    // Cases that run CLI processes (about 3 s of CPU each) take a minute or more on a loaded 2-core runner.
    testTimeout: 120_000,
    // Set-up that builds a demo hall on a real store (2,000 applications) takes 10 s or more on a loaded 2-core runner.
    hookTimeout: 120_000,
    pool: 'forks',
    // One temp folder per run, removed at its end (test/support/tempRoot.ts).
    globalSetup: ['test/support/tempRoot.ts'],
  },
});
