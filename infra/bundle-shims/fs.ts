// Bundled in place of `node:fs` (infra/bundling.ts). An ESM `import` of a Node
// module builds a facade that reads every export, and reading `fs.ReadStream`
// or `fs.promises` loads their modules: some 2.5 ms of CPU at every cold start
// on Lambda's Node 24 (docs/performance.md). Taken as CommonJS would take it,
// no facade. The SDK imports these (`createReadStream` for hashing a file body), `ReadStream` only for `instanceof`
// on a request body (a file stream, never sent here); a named import of
// anything else fails the build, not the function.
import type * as Fs from 'node:fs';
import { instanceCheck } from './instance-check.js';

const fs: typeof Fs = process.getBuiltinModule('node:fs');
export const { createReadStream, fstatSync, lstatSync } = fs;
export const ReadStream = instanceCheck(() => fs.ReadStream);
export default fs;
