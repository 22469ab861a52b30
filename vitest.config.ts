import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    // Generous: end-to-end tests run real git and node processes, and a loaded CI machine is slow.
    testTimeout: 240_000,
    hookTimeout: 240_000,
    pool: 'forks',
    // Most test time is spent waiting on git processes and HTTP round trips, not on this
    // process's CPU, so more workers than cores finish sooner on a 2-core machine.
    maxWorkers: 3,
    // GitHub's workflow parser imports JSON without import attributes, which Node 20 refuses;
    // letting Vite transform it loads the schema the same on every Node version.
    server: { deps: { inline: [/@actions\/workflow-parser/] } },
  },
});
