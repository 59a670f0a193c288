import type { Command } from '../command.js';
import { CheckError } from '../errors.js';
import { awsDeadLetters } from '../dlq/aws-dead-letters.js';
import { redriveLocal } from '../dlq/local-dead-letters.js';
import { queueUrlOf } from './dlq-list.js';

export const dlqRedrive: Command = {
  name: 'dlq redrive',
  synopsis: '',
  summary: 'process every dead-lettered record once more (after a fix); remove what succeeds, keep what still fails',
  help: [
    'Each record is read back from the submissions table by its key and given to its consumer as the stream would;',
    'the consumers are idempotent, so a record that was projected meanwhile changes nothing.',
    'With --aws: the StreamFailures queue (STREAM_FAILURES_QUEUE_URL); a message is deleted once all its records succeed.',
  ],
  options: {},
  async run(ctx) {
    const where = ctx.settings.deadLetters;
    let result: { redriven: number; failed: number; unresolved?: string[] };
    if (where.kind === 'files') result = await redriveLocal(ctx, where.dataDir);
    else {
      const queue = awsDeadLetters(ctx, queueUrlOf(where.url));
      try {
        result = await queue.redrive();
      } finally {
        queue.close();
      }
    }
    const unresolved = result.unresolved ?? [];
    for (const u of unresolved) ctx.err(`kept ${u}: see docs/runbook.md (rebuild, or report --period)`);
    if (result.redriven + result.failed + unresolved.length === 0) {
      ctx.out('no dead letters: nothing to redrive');
      return;
    }
    ctx.out(`${result.redriven} redriven, ${result.failed} still failing (kept)`);
    if (result.failed + unresolved.length > 0)
      throw new CheckError('some dead letters still fail: npm run dds -- dlq list shows their errors');
  },
};
