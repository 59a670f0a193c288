import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    pool: 'forks',
    // 2 cores: DynamoDB Local (Java) plus two test workers is what fits.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    execArgv: ['--openssl-legacy-provider', '--disable-warning=NodeVersionSupportWarning'],
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_DEV: 'false' },
  },
});
