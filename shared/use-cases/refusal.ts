// Why a use case refused a request, in terms of the request, not of HTTP: the
// HTTP edge maps each kind to its status (shared/adapters/http.ts), the CLI
// prints the message and the problems.
import type { Problem } from '../domain/problems.js';

export type RefusalKind =
  | 'malformed' // 400
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: lost a race; try again
  | 'too_large' // 413
  | 'invalid'; // 422

export class Refusal extends Error {
  constructor(
    readonly kind: RefusalKind,
    readonly code: string,
    message: string,
    readonly details: Problem[] = [],
    /** for a conflict: when to try again */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const invalid = (code: string, what: string, problems: Problem[]) =>
  new Refusal('invalid', code, `${what} has ${problems.length} problem(s)`, problems);
