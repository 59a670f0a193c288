import type { Problem } from './problems.js';

/** The outcome of checking a request body: its value, or every problem with it. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };
