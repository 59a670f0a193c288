// Talking to the API: first whether it is there at all (before any progress
// bar), then the request, then its answer in the user's terms.
import { ddsClient, DdsApiError, type Answer, type DdsClient, type Health } from '../../shared/client/dds-client.js';
import { CheckError, UsageError } from './errors.js';
import type { CommandContext } from './context.js';
import { isNetworkError } from './context.js';
import type { Values } from './command.js';
import { text } from './command.js';

export interface ApiTarget {
  url: string;
  fix: string;
}

/** The API's address: --api, else the settings (PORT locally, DDS_API_URL in AWS). */
export function apiTarget(ctx: CommandContext, values: Values): ApiTarget {
  const given = text(values, 'api');
  const url = given ?? ctx.settings.api.url;
  if (!url) throw new UsageError(`which API? ${ctx.settings.api.fix}`);
  if (!/^https?:\/\/[^/]/.test(url)) throw new UsageError(`--api must be an http(s) URL, such as http://127.0.0.1:3000`);
  return { url: url.replace(/\/+$/, ''), fix: ctx.settings.api.fix };
}

/** The API's address when one is set, else a placeholder (for a dry run, which sends nothing). */
export function apiTargetIfKnown(ctx: CommandContext, values: Values): ApiTarget {
  return text(values, 'api') || ctx.settings.api.url ? apiTarget(ctx, values) : { url: '<the API>', fix: ctx.settings.api.fix };
}

/** The typed client of the API (shared/client), as the upload commands use it. */
export function apiClient(api: ApiTarget, key?: string, send?: typeof fetch): DdsClient {
  return ddsClient({ baseUrl: api.url, ...(key ? { key } : {}), ...(send ? { fetch: send } : {}) });
}

/** The `status` an answer to GET /health names, if it is JSON that names one. */
function healthStatus(text: string): unknown {
  try {
    return (JSON.parse(text) as { status?: unknown } | null)?.status;
  } catch {
    return undefined;
  }
}

/** Asks GET /health; names the address tried and how to fix it when nothing (or something else) answers. */
export async function checkApi(api: ApiTarget): Promise<void> {
  const notTheApi = (status: number) =>
    new CheckError(`something answers at ${api.url}, but not the dds API (GET /health: ${status}): ${api.fix}`);
  let health: Answer<Health>;
  try {
    health = await apiClient(api).getHealth({ signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    if (err instanceof DdsApiError) {
      // The API answers /health with its status even when a store is down (503): anything else is not the API.
      if (typeof healthStatus(err.text) !== 'string') throw notTheApi(err.status);
      throw new CheckError(`the API at ${api.url} is not healthy (GET /health: ${err.status} ${err.text.trim()}); try again later`);
    }
    const name = (err as Error).name;
    if (isNetworkError(err) || name === 'AbortError' || name === 'TimeoutError' || err instanceof TypeError)
      throw new CheckError(`cannot reach the API at ${api.url}: ${api.fix}`);
    throw err;
  }
  if (typeof (health.body as { status?: unknown }).status !== 'string') throw notTheApi(health.status);
}

/**
 * Sends with the client; a connection that breaks off is said so, with what
 * to do (`again`: how a second sending is taken).
 */
export async function trySending<T>(api: ApiTarget, again: string, request: () => Promise<T>): Promise<T | DdsApiError> {
  try {
    return await request();
  } catch (err) {
    if (err instanceof DdsApiError) return err;
    throw new CheckError(`the connection to the API at ${api.url} broke off (${(err as Error).message}); ${again}`);
  }
}

export interface ApiRefusal {
  status: number;
  code?: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}

/** The refusal in the CLI's terms: the contract's error body, or the answer as it came. */
export function refusalOf(err: DdsApiError): ApiRefusal {
  const e = err.body?.error;
  return { status: err.status, ...(e?.code ? { code: e.code } : {}), message: e?.message ?? err.text.trim(), details: err.details };
}

// Only where the API's own words do not say what to do: its 403s name the
// organisation, e-loket or role the key is for, its 429s when to send again.
const HINTS: Record<number, string> = {
  401: 'the key is unknown or revoked: check --key (or DDS_API_KEY)',
};

/** Prints what the API refused, each detail where the file has it, and stops. */
export function refused(
  ctx: CommandContext,
  r: ApiRefusal,
  locate: (d: { path: string; message: string }) => { path: string; message: string },
): never {
  for (const d of r.details) {
    const p = locate(d);
    ctx.out(`${p.path}: ${p.message}`);
  }
  const hint = HINTS[r.status];
  throw new CheckError(`the API refused it (${r.status}${r.code ? ` ${r.code}` : ''}): ${r.message}${hint ? `; ${hint}` : ''}`);
}
