// Bundled in place of `semver` (infra/bundling.ts). Its one user in the
// bundles, aws-xray-sdk-core, needs it only to patch the AWS SDK v2
// (`captureAWS`), which this project does not use (Powertools Tracer wraps v3
// clients); the real package is 28 KB that every cold start would compile.
export function gte(): never {
  throw new Error('semver is left out of the bundles: aws-xray-sdk-core uses it only for the AWS SDK v2, which is not used here');
}
