import type { Command } from '../command.js';
import { UsageError } from '../errors.js';
import { AWS_STREAM_FAILURES_QUEUE_URL } from '../settings.js';
import { printList } from '../table.js';
import { awsDeadLetters } from '../dlq/aws-dead-letters.js';
import { listLocalDeadLetters } from '../dlq/local-dead-letters.js';
import type { DeadLetterEntry } from '../dlq/redrive.js';

export const queueUrlOf = (url: string | undefined): string => {
  if (!url)
    throw new UsageError(`--aws dlq needs ${AWS_STREAM_FAILURES_QUEUE_URL}: the DdsMonitorStateless stack's StreamFailuresQueueUrl output`);
  return url;
};

export const dlqList: Command = {
  name: 'dlq list',
  synopsis: '[--json]',
  summary: 'the stream records that failed every retry: consumer, event, item key, error, attempts',
  help: [
    'Locally the files under .data/dead-letters/; with --aws the StreamFailures queue (STREAM_FAILURES_QUEUE_URL),',
    'each message resolved to its records from the stream (24 hours) or the failure notes. Nothing is removed.',
    '--json    as JSON, for scripts',
  ],
  options: { json: { type: 'boolean' } },
  async run(ctx, values) {
    const where = ctx.settings.deadLetters;
    let entries: DeadLetterEntry[];
    if (where.kind === 'files') entries = listLocalDeadLetters(where.dataDir);
    else {
      const queue = awsDeadLetters(ctx, queueUrlOf(where.url));
      try {
        const found = await queue.list();
        entries = found.entries;
        for (const u of found.unresolved) ctx.err(`note: ${u}`);
      } finally {
        queue.close();
      }
    }
    printList<DeadLetterEntry>(ctx.out, {
      json: values.json === true,
      what: 'dead letter(s)',
      rows: entries,
      columns: [
        { header: 'consumer', value: (e) => e.consumer },
        { header: 'failedAt', value: (e) => e.failedAt },
        { header: 'attempts', value: (e) => (e.attempts === null ? '-' : String(e.attempts)) },
        { header: 'event', value: (e) => `${e.event.type}${e.event.version === null ? '' : ` v${e.event.version}`}` },
        { header: 'eventId', value: (e) => e.event.eventId },
        { header: 'key', value: (e) => `${e.key.pk} ${e.key.sk}` },
        { header: 'correlationId', value: (e) => e.correlationId ?? '-' },
        { header: 'error', value: (e) => (e.error ? `${e.error.name}: ${e.error.message}` : "(no note: see the consumer's log)") },
      ],
    });
  },
};
