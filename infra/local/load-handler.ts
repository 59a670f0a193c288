import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/**
 * Imports a function's entry, exactly the module CDK bundles, and returns its
 * `handler`. Handlers read their configuration once, at import, as in Lambda:
 * the import sees the function's own environment and nothing else of the
 * runner's resource variables, then the runner's environment is restored.
 */
export async function loadHandler(entry: string, env: Record<string, string> = {}): Promise<LambdaHandler> {
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) if (/_(TABLE|BUCKET)$/.test(k)) delete process.env[k];
  Object.assign(process.env, env);
  let mod: { handler?: LambdaHandler };
  try {
    mod = (await import(pathToFileURL(resolve(REPO_ROOT, entry)).href)) as { handler?: LambdaHandler };
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
  if (typeof mod.handler !== 'function') throw new Error(`${entry} exports no handler`);
  return mod.handler;
}
