// Bundled in place of `node:stream/web` (infra/bundling.ts). Its one importer
// in the bundles is @middy/core, which asks `instanceof ReadableStream` only
// when a handler streams its response (`streamifyResponse`), which none here
// does; loading the module costs some 2–5 ms of CPU at every cold start
// (docs/performance.md). A named import of anything else fails the build.
import { instanceCheck } from './instance-check.js';

export const ReadableStream = instanceCheck(() => process.getBuiltinModule('node:stream/web').ReadableStream);
