// How every function is bundled, shared by the CDK construct and the bench so
// the bench measures what is deployed.
//
// The AWS SDK is bundled (the tested version, not the runtime's): measured
// with `npm run bench` (docs/performance.md), loading the SDK's many files
// from node_modules at a cold start cost more than its bundled, minified
// bytes; the bundles stay well under 1 MiB.
import type { BuildOptions } from 'esbuild';

export const BUNDLE_AWS_SDK = true;

// ESM bundles still meet CommonJS dependencies that call require(), and by
// then only for Node's own modules (everything else is bundled).
// process.getBuiltinModule (Node 20.16+, the Lambda runtime's 24) serves them
// without loading node:module, which createRequire would, at every cold start.
// (No backquotes or dollars: CDK hands the banner to a shell in double quotes.)
export const ESM_REQUIRE_BANNER =
  "const require = (id) => process.getBuiltinModule(id) ?? (() => { throw new Error('not bundled, and not a Node module: ' + id); })();";

/**
 * Modules replaced in every bundle, paths relative to the repository root
 * (esbuild resolves an alias from its working directory, which CDK sets to
 * the project root).
 *
 * The SDK's default credential chain becomes the environment alone: a Lambda
 * finds its credentials there, and the chain's other providers (SSO, INI,
 * process, web identity, container) and their STS/SSO clients are 136 KB of
 * every bundle, compiled at each cold start (docs/performance.md).
 * Likewise what a dependency imports but never uses here.
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': './shared/adapters/lambda-credentials.ts',
  // aws-xray-sdk-core needs semver only for the AWS SDK v2, not used here (the shim says why)
  semver: './infra/bundle-shims/semver.ts',
  // Node's http through getBuiltinModule, not an ESM facade that loads undici (the shim says why)
  http: './infra/bundle-shims/http.ts',
  'node:http': './infra/bundle-shims/http.ts',
  // Node's fs without an ESM facade, and the classes only an `instanceof` asks for loaded when asked (the shims say why)
  'node:fs': './infra/bundle-shims/fs.ts',
  'node:fs/promises': './infra/bundle-shims/fs-promises.ts',
  'node:stream/web': './infra/bundle-shims/stream-web.ts',
  // the process object as it is, without the facade that reads its every getter (the shim says why)
  'node:process': './infra/bundle-shims/process.ts',
};

/** The same aliases as esbuild command-line arguments, the form CDK's `esbuildArgs` takes. */
export const BUNDLE_ALIAS_ARGS: Record<string, string> = Object.fromEntries(
  Object.entries(BUNDLE_ALIASES).map(([from, to]) => [`--alias:${from}`, to]),
);

/**
 * esbuild's options as CDK's bundling sets them (infra/constructs/dds-function.ts),
 * for the bench and the tests that bundle a function themselves. CDK's target is
 * the Lambda runtime's Node; here it is the Node that runs them.
 */
export const ESBUILD_OPTIONS = {
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  mainFields: ['module', 'main'],
  external: BUNDLE_AWS_SDK ? [] : ['@aws-sdk/*'],
  banner: { js: ESM_REQUIRE_BANNER },
  alias: BUNDLE_ALIASES,
} as const satisfies BuildOptions;
