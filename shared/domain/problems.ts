import type { z } from 'zod';

/** One thing wrong with a request, with where it is (`answers[3].explanation`). */
export interface Problem {
  path: string;
  message: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? String(seg) : `.${String(seg)}`;
  }
  return out === '' ? '(body)' : out;
}

export function zodProblems(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ path: formatPath([...issue.path, k]), message: 'unknown field' }));
    }
    return [{ path: formatPath(issue.path), message: plainMessage(issue) }];
  });
}

/** zod's own words where they name a rule; what to write where they list the allowed values. */
function plainMessage(issue: z.core.$ZodIssue): string {
  // Only zod's default text: a schema's own message already says what to do.
  if (issue.code === 'invalid_value' && issue.message.startsWith('Invalid option')) {
    const values = issue.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    return values.length === 1 ? `write ${values[0]}` : `write one of: ${values.join(', ')}`;
  }
  return issue.message;
}

/** The most problems one answer lists (design §3); the rest are counted. */
export const MAX_PROBLEMS_LISTED = 100;

/** The first problems, and how many more there were (`moreProblems` only when some were left out). */
export function capProblems(problems: readonly Problem[], max = MAX_PROBLEMS_LISTED): { details: Problem[]; moreProblems?: number } {
  if (problems.length <= max) return { details: [...problems] };
  return { details: problems.slice(0, max), moreProblems: problems.length - max };
}
