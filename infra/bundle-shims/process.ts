// Bundled in place of `node:process` (infra/bundling.ts). An ESM `import` of
// it builds a facade that reads every property of `process`, and its getters
// load modules no function here needs (the diagnostic report, the stdio
// streams, fs/promises and readline on Node 24): some 3 ms of CPU at every
// cold start on Lambda's Node 24 (docs/performance.md). The SDK imports these
// two; a named import of anything else fails the build, not the function.
export const { env, versions } = process;
export default process;
