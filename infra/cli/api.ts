// Talking to the API: first whether it is there at all (before any progress
// bar), then the request, then its answer in the user's terms.
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

/** Asks GET /health; names the address tried and how to fix it when nothing (or something else) answers. */
export async function checkApi(api: ApiTarget): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(10_000) });
  } catch (err) {
    if (isNetworkError(err) || (err as Error).name === 'AbortError' || err instanceof TypeError)
      throw new CheckError(`cannot reach the API at ${api.url}: ${api.fix}`);
    throw err;
  }
  const body = await res.text();
  let status: unknown;
  try {
    status = (JSON.parse(body) as { status?: unknown }).status;
  } catch {
    status = undefined;
  }
  if (typeof status !== 'string')
    throw new CheckError(`something answers at ${api.url}, but not the dds API (GET /health: ${res.status}): ${api.fix}`);
  if (!res.ok) throw new CheckError(`the API at ${api.url} is not healthy (GET /health: ${res.status} ${body.trim()}); try again later`);
}

export interface ApiRefusal {
  status: number;
  code?: string;
  message: string;
  details: Array<{ path: string; message: string }>;
}

export function refusalOf(status: number, body: string): ApiRefusal {
  try {
    const e = (JSON.parse(body) as { error?: { code?: string; message?: string; details?: ApiRefusal['details'] } }).error;
    return { status, ...(e?.code ? { code: e.code } : {}), message: e?.message ?? body.trim(), details: e?.details ?? [] };
  } catch {
    return { status, message: body.trim(), details: [] };
  }
}

const HINTS: Record<number, string> = {
  401: 'the key is unknown or revoked: check --key (or DDS_API_KEY)',
  403: 'the key belongs to another organisation or e-loket, or has another role',
  429: 'too many requests with this key: wait a minute and send again',
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
