import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium (Debian's) against the web harness, real services, real temp database.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A screen answers within a second on a quiet machine, not on a loaded 2-core CI runner: polls wait 15 s.
    expect: { poll: { timeout: 15_000 } },
    fileParallelism: false,
    pool: 'forks',
    // One temp folder per run, removed at its end (test/support/tempRoot.ts).
    globalSetup: ['test/support/tempRoot.ts'],
  },
});
