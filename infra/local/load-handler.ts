import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

/** Imports a function's entry, exactly the module CDK bundles, and returns its `handler`. */
export async function loadHandler(entry: string): Promise<LambdaHandler> {
  const mod = (await import(pathToFileURL(resolve(REPO_ROOT, entry)).href)) as { handler?: LambdaHandler };
  if (typeof mod.handler !== 'function') throw new Error(`${entry} exports no handler`);
  return mod.handler;
}
