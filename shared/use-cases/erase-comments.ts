// Erasing a service's comments at once (design §2.1), all of them or those
// received before a day. The figures stay: they hold no comment.
// Not yet done here: republishing the committee reports that showed the
// comments and removing those files' older versions (the reports do not
// show comments yet).
import { isoDateSchema, organisationIdSchema, slugSchema } from '../domain/vocabulary.js';
import type { CommentStore } from '../adapters/comment-store.js';
import { Refusal } from './refusal.js';

export async function eraseComments(
  deps: { comments: CommentStore },
  o: { organisationId: string; serviceId: string; before?: string | undefined },
): Promise<{ items: number; comments: number }> {
  const problems = [
    ...(organisationIdSchema.safeParse(o.organisationId).success ? [] : [{ path: 'org', message: 'not a valid organisation id' }]),
    ...(slugSchema.safeParse(o.serviceId).success ? [] : [{ path: 'service', message: 'not a valid service id' }]),
    ...(o.before === undefined || isoDateSchema.safeParse(o.before).success ? [] : [{ path: 'before', message: 'a date is YYYY-MM-DD' }]),
  ];
  if (problems.length > 0) throw new Refusal('invalid', 'invalid_request', 'nothing was erased', problems);
  return deps.comments.erase(o.organisationId, o.serviceId, o.before);
}
