// How every function is bundled, shared by the CDK construct and the bench so
// the bench measures what is deployed.
//
// The AWS SDK is bundled (the tested version, not the runtime's): measured
// with `npm run bench` (docs/performance.md), loading the SDK's many files
// from node_modules at a cold start cost more than its bundled, minified
// bytes; the bundles stay well under 1 MiB.
export const BUNDLE_AWS_SDK = true;

// ESM bundles still meet CommonJS dependencies that call require().
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __ddsCreateRequire } from 'module'; const require = __ddsCreateRequire(import.meta.url);";
