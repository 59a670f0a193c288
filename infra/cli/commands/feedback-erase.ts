// npm run dds -- feedback erase --org <organisationId> --service <serviceId> [--before <YYYY-MM-DD>]
// Erases a service's comments at once: all of them, or those received before a day;
// then republishes the reports that showed them and deletes those files' older versions.
import type { S3Client } from '@aws-sdk/client-s3';
import { dynamoCommentStore } from '../../../shared/adapters/comment-store.js';
import { dynamoErasureLog } from '../../../shared/adapters/erasure-log.js';
import { eraseComments, type Erased } from '../../../shared/use-cases/erase-comments.js';
import { Refusal } from '../../../shared/use-cases/refusal.js';
import { publishDepsOf } from '../publish-deps.js';
import { OptionError, type CommandTarget } from './command-errors.js';

export interface EraseTarget extends CommandTarget {
  s3: S3Client;
  /** the code version the republished reports name */
  codeVersion: string;
  today: string;
  /** when the reports are rebuilt: comments expired by then are not shown (the real time, unless a test fixes it) */
  now?: () => Date;
}

export async function feedbackErase(
  target: EraseTarget,
  options: { org?: string | undefined; service?: string | undefined; before?: string | undefined },
  out: (line: string) => void,
): Promise<Erased> {
  if (!options.org || !options.service) throw new OptionError('--org <organisationId> and --service <serviceId> are required');
  try {
    const erased = await eraseComments(
      {
        comments: dynamoCommentStore(target.ddb, target.names.feedbackComments),
        erasures: dynamoErasureLog(target.ddb, target.names.control),
        publish: publishDepsOf(target, {
          codeVersion: target.codeVersion,
          today: target.today,
          ...(target.now ? { now: target.now } : {}),
        }),
      },
      { organisationId: options.org, serviceId: options.service, before: options.before },
      out,
    );
    out(
      `erased ${erased.comments} comment(s) of ${options.org}/${options.service}${options.before ? ` received before ${options.before}` : ''}`,
    );
    out(
      erased.republished.length === 0
        ? 'no published report showed them'
        : `republished ${erased.republished.length} period(s) whose committee report showed them (${erased.republished.join(', ')}); deleted ${erased.versionsDeleted} older version(s) of their files`,
    );
    return erased;
  } catch (err) {
    if (err instanceof Refusal) throw new OptionError(err.details.map((d) => `--${d.path}: ${d.message}`).join('; '));
    throw err;
  }
}
