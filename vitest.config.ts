import { defineConfig } from 'vitest/config';

// Four projects: `unit` is pure (no stand-in, seconds: `npm run test:unit`);
// `integration`, `e2e` and `browser` share one DynamoDB Local and one s3rver,
// started once for the run by the global setup.
const standIns = ['test/support/global-setup.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    // 2 cores: DynamoDB Local (Java) plus two test workers is what fits.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    execArgv: ['--openssl-legacy-provider'],
    // The SDK's notice about Node.js 20 is known (versions are pinned); keep test output readable.
    // Metrics (EMF on stdout) too: the tests that check them pass their own sink or switch them on.
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', POWERTOOLS_METRICS_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.test.ts'], globalSetup: standIns } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: standIns } },
      { extends: true, test: { name: 'browser', include: ['test/browser/**/*.test.ts'], globalSetup: standIns } },
    ],
  },
});
