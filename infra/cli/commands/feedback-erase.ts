// npm run dds -- feedback erase --org <organisationId> --service <serviceId> [--before <YYYY-MM-DD>]
// Erases a service's comments at once: all of them, or those received before a day.
import { dynamoCommentStore } from '../../../shared/adapters/comment-store.js';
import { eraseComments } from '../../../shared/use-cases/erase-comments.js';
import { Refusal } from '../../../shared/use-cases/refusal.js';
import { OptionError, type CommandTarget } from './command-errors.js';

export async function feedbackErase(
  target: CommandTarget,
  options: { org?: string | undefined; service?: string | undefined; before?: string | undefined },
  out: (line: string) => void,
): Promise<{ items: number; comments: number }> {
  if (!options.org || !options.service) throw new OptionError('--org <organisationId> and --service <serviceId> are required');
  try {
    const erased = await eraseComments(
      { comments: dynamoCommentStore(target.ddb, target.names.feedbackComments) },
      { organisationId: options.org, serviceId: options.service, before: options.before },
    );
    out(
      `erased ${erased.comments} comment(s) of ${options.org}/${options.service}${options.before ? ` received before ${options.before}` : ''}`,
    );
    // Committee reports do not show comments yet; once they do, the ones that showed these must be republished.
    return erased;
  } catch (err) {
    if (err instanceof Refusal) throw new OptionError(err.details.map((d) => `--${d.path}: ${d.message}`).join('; '));
    throw err;
  }
}
