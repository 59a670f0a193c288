// Bundled in place of `node:http` (infra/bundling.ts). An ESM `import` of a
// Node module builds a facade that reads every export, and on Node 22 and
// later `http` exports WebSocket, CloseEvent and MessageEvent as getters that
// load undici: some 12 ms of CPU at every cold start on Lambda's Node 24, for
// nothing (docs/performance.md). Taken as CommonJS would take it, no facade.
// Only the default export is used in the bundles; a named import would fail
// the build ("No matching export"), not the function.
import type * as Http from 'node:http';

const http: typeof Http = process.getBuiltinModule('node:http');
export default http;
