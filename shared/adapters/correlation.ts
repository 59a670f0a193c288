// The correlation id of the work in hand: the API request's (or the caller's
// own x-correlation-id), carried through the store onto the submission item
// and from there, through the stream, to the projection and the report.
// Held in AsyncLocalStorage so that the stores, which are built once per
// container, can stamp what they write without every use case passing it on.
import { AsyncLocalStorage } from 'node:async_hooks';

export const CORRELATION_HEADER = 'x-correlation-id';

/** What an incoming x-correlation-id may be: short, printable, and safe in a log line or a header. */
const VALID = /^[A-Za-z0-9][A-Za-z0-9._:@/+=-]{0,127}$/;

const current = new AsyncLocalStorage<string>();

/** The caller's id when it is valid; otherwise ours (an invalid one is ignored, never refused: it is a tracing aid). */
export function chooseCorrelationId(incoming: string | undefined, fallback: string): string {
  const trimmed = incoming?.trim();
  return trimmed !== undefined && VALID.test(trimmed) ? trimmed : fallback;
}

export function withCorrelationId<T>(id: string | undefined, work: () => T): T {
  return id === undefined ? work() : current.run(id, work);
}

export const currentCorrelationId = (): string | undefined => current.getStore();
