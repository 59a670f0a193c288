// The stream consumers as a redrive runs them: the same handlers the stream
// feeds (functions/projector, functions/publish-report), wired here to the
// CLI's stores, locally or with --aws, as `rebuild` and `report` are.
import { randomUUID } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { makeProjector } from '../../../functions/projector/projector.js';
import { makePublishReport } from '../../../functions/publish-report/publish-report.js';
import { dynamoFailureNotes } from '../../../shared/adapters/failure-notes.js';
import type { MetricsSink } from '../../../shared/adapters/metrics.js';
import { publishStores } from '../../../shared/adapters/publish-stores.js';
import { dynamoProjectionStore } from '../../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../../shared/adapters/submission-store.js';
import { lambdaContext } from '../../local/lambda-context.js';
import { functionSpecs, type FunctionName } from '../../topology.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';

export type StreamHandler = (event: { Records: DynamoDBRecord[] }, context: Context) => Promise<DynamoDBBatchResponse>;

/** The functions the submissions stream feeds, and the event types each receives (the mapping's filter). */
export const STREAM_CONSUMERS: ReadonlyArray<{ name: FunctionName; eventTypes: readonly string[] }> = functionSpecs().flatMap(
  ([name, spec]) => (spec.stream ? [{ name, eventTypes: spec.stream.eventTypes }] : []),
);

/** Which consumer a stored event goes to: the mappings' filters do not overlap. */
export const consumerOfType = (type: string): FunctionName | undefined => STREAM_CONSUMERS.find((c) => c.eventTypes.includes(type))?.name;

// A redrive says what happened itself; the consumers' own log lines and metrics mean something only in Lambda.
const quiet = () => new Logger({ serviceName: 'dds-dlq', logLevel: 'SILENT' });
const noMetrics: MetricsSink = { count: () => undefined, flush: () => undefined };

export async function streamConsumer(ctx: CommandContext, name: FunctionName): Promise<StreamHandler> {
  if (name === 'projector') {
    const { ddb, names } = await ctx.stores();
    const handler = makeProjector({
      submissions: dynamoSubmissionStore(ddb, { submissions: names.submissions }),
      projections: dynamoProjectionStore(ddb, names.projections),
      failures: dynamoFailureNotes(ddb, names.control),
      logger: quiet(),
      metrics: noMetrics,
    });
    return (event, context) => handler(event as never, context);
  }
  if (name === 'publishReport') {
    const { codeVersion, today } = ctx.settings;
    if (!codeVersion) throw new UsageError('--aws dlq redrive of report requests needs DDS_CODE_VERSION: the code version deployed');
    const { ddb, s3, names } = await ctx.stores({ s3: true });
    const handler = makePublishReport({
      ...publishStores(ddb, s3, names),
      codeVersion,
      newId: randomUUID,
      now: () => new Date(),
      today: () => today,
      failures: dynamoFailureNotes(ddb, names.control),
      logger: quiet(),
      metrics: noMetrics,
    });
    return async (event, context) => (await handler(event as never, context)) as DynamoDBBatchResponse;
  }
  throw new Error(`${name} is not fed by the stream`);
}

export const consumerContext = (name: FunctionName): Context => {
  const spec = functionSpecs().find(([n]) => n === name)![1];
  return lambdaContext(name, spec.timeoutSeconds, spec.memoryMb);
};
