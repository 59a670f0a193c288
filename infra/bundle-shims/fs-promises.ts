// Bundled in place of `node:fs/promises` (infra/bundling.ts): without the ES
// module facade (see fs.ts), and loaded when the SDK first reads a shared
// config file. The SDK imports only `readFile`.
import type * as FsPromises from 'node:fs/promises';

export const readFile = ((...args: Parameters<typeof FsPromises.readFile>) =>
  process.getBuiltinModule('node:fs/promises').readFile(...args)) as typeof FsPromises.readFile;
