// Stateless resources, all derived from the topology: one DdsFunction per
// function, HTTP API routes, the stream mappings (filtered, bisecting, with an
// on-failure queue), the schedules (with a dead-letter queue of their own),
// and what operators watch: alarms, their SNS topic and a dashboard.
import { CfnOutput, Duration, Stack, type CfnElement, type StackProps } from 'aws-cdk-lib';
import { acknowledge } from '../constructs/acknowledge.js';
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination, type CfnStage } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { DdsFunction } from '../constructs/dds-function.js';
import { logicalName, Operations } from '../constructs/operations.js';
import { functionSpecs, resources, type FunctionName, type ResourceName } from '../topology.js';
import type { StatefulStack } from './stateful-stack.js';

export interface StatelessStackProps extends StackProps {
  stateful: StatefulStack;
  codeVersion: string;
  /** requests per second per route before 429 */
  rateLimit?: number;
}

export { logicalName };

export class StatelessStack extends Stack {
  readonly functions = {} as Record<FunctionName, DdsFunction>;
  readonly api: HttpApi;
  readonly streamFailures: Queue;
  readonly schedulerFailures: Queue;
  readonly operations: Operations;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { stateful } = props;

    this.api = new HttpApi(this, 'Api', { apiName: 'dds-monitor', createDefaultStage: false });
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: RetentionDays.THREE_MONTHS });
    const stage = new HttpStage(this, 'ApiDefaultStage', {
      httpApi: this.api,
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 50, burstLimit: (props.rateLimit ?? 50) * 2 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs) },
    });

    // The dead-letter queues: what the stream mappings and the scheduler could not deliver after their retries.
    const deadLetterQueue = (id: string, what: string) => {
      const queue = new Queue(this, id, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
      acknowledge(queue, [{ id: 'AwsSolutions-SQS3', reason: `This queue is the dead-letter queue of ${what}.` }]);
      return queue;
    };
    this.streamFailures = deadLetterQueue('StreamFailures', 'the stream mappings (their on-failure destination)');
    this.schedulerFailures = deadLetterQueue('SchedulerFailures', "the schedules' Lambda targets");

    // Routes with throttling of their own (the public feedback form), below the stage's.
    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};

    for (const [name, spec] of functionSpecs()) {
      const fn = new DdsFunction(this, logicalName(name), {
        entry: spec.entry,
        description: spec.description,
        memoryMb: spec.memoryMb,
        timeoutSeconds: spec.timeoutSeconds,
        codeVersion: props.codeVersion,
      });
      for (const [resource, access] of Object.entries(spec.uses) as Array<[ResourceName, NonNullable<(typeof spec.uses)[ResourceName]>]>) {
        const r = resources[resource];
        if (r.kind === 'table') fn.bindTable(stateful.tables[resource as keyof StatefulStack['tables']], r.env, access);
        else fn.bindBucket(stateful.buckets[resource as keyof StatefulStack['buckets']], r.env, access);
      }
      if (spec.publicReportsUrl) fn.addEnvironment('DDS_PUBLIC_REPORTS_URL', stateful.publicReportsUrl);
      for (const route of spec.routes ?? []) {
        const added = this.api.addRoutes({
          path: route.path,
          methods: [HttpMethod[route.method]],
          integration: new HttpLambdaIntegration(`${logicalName(name)}${route.method}${route.path.replace(/[^A-Za-z0-9]/g, '')}`, fn),
        });
        if (route.throttle) {
          routeSettings[`${route.method} ${route.path}`] = {
            ThrottlingRateLimit: route.throttle.rateLimit,
            ThrottlingBurstLimit: route.throttle.burstLimit,
          };
          // The stage may name a route's settings only once the route exists.
          added.forEach((r) => stage.node.addDependency(r));
        }
      }
      if (spec.stream) {
        fn.addEventSource(
          new DynamoEventSource(stateful.tables[spec.stream.table], {
            startingPosition: StartingPosition.TRIM_HORIZON,
            batchSize: spec.stream.batchSize,
            bisectBatchOnError: true,
            retryAttempts: spec.stream.maxRetries,
            reportBatchItemFailures: true,
            onFailure: new SqsDlq(this.streamFailures),
            filters: [
              FilterCriteria.filter({
                eventName: FilterRule.or('INSERT', 'MODIFY'),
                dynamodb: { NewImage: { type: { S: FilterRule.or(...spec.stream.eventTypes) } } },
              }),
            ],
          }),
        );
      }
      for (const schedule of spec.schedules ?? []) {
        new Schedule(this, `${logicalName(name)}${schedule.id}`, {
          description: schedule.description,
          schedule: ScheduleExpression.cron({ ...schedule.cron, timeZone: undefined }),
          target: new LambdaInvoke(fn, {
            input: ScheduleTargetInput.fromObject({ source: 'schedule', scheduledTime: ContextAttribute.scheduledTime }),
            retryAttempts: 3,
            deadLetterQueue: this.schedulerFailures,
          }),
        });
      }
      this.functions[name] = fn;
    }

    if (Object.keys(routeSettings).length > 0) (stage.node.defaultChild as CfnStage).addPropertyOverride('RouteSettings', routeSettings);

    acknowledge(this.api, [
      {
        id: 'AwsSolutions-APIG4',
        reason:
          'Authorization is the bearer API key checked in each function (keys stored as hashes, bound to role and organisation); public routes are the catalog, OpenAPI, health and the feedback form (throttled per route, limited per client in its function).',
      },
    ]);
    acknowledge(this, [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "AWSLambdaBasicExecutionRole is the AWS-managed minimum for writing a function's own logs.",
      },
      { id: 'AwsSolutions-IAM5[Resource::*]', reason: 'X-Ray PutTraceSegments and PutTelemetryRecords accept no resource other than "*".' },
      {
        id: 'AwsSolutions-IAM5[Action::s3:Abort*]',
        reason: 'From bucket.grantPut: aborting its own multipart uploads, scoped to the report bucket.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::DdsMonitorStateful:ExportsOutputFnGetAttCommitteeReportsBucket1096CC42ArnD18433C9/*]',
        reason: 'Report objects under any key of the committee bucket, and only there: written by publishReport, read by committeeReports.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::DdsMonitorStateful:ExportsOutputFnGetAttPublicReportsBucket9EDEB68EArn61DF29F5/*]',
        reason:
          'Report objects under any key of the public bucket, and only there: written by publishReport, readable by publicDocs (its health check; the files are public anyway).',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::DdsMonitorStateful:ExportsOutputFnGetAttProjectionsTableCE99431EArnF66F7AA4/index/*]',
        reason:
          "The projections table's own indexes (byAssessment, byKind), granted with the table by grantReadData/grantWriteData, and only those.",
      },
      // The scheduler's role, per scheduled function (named by its logical id, as cdk-nag names it).
      ...functionSpecs()
        .filter(([, spec]) => (spec.schedules ?? []).length > 0)
        .map(([name]) => ({
          id: `AwsSolutions-IAM5[Resource::<${this.getLogicalId(this.functions[name].node.defaultChild as CfnElement)}.Arn>:*]`,
          reason: `The scheduler may invoke any version of the ${name} function, and no other function.`,
        })),
    ]);

    this.operations = new Operations(this, 'Operations', {
      functions: this.functions,
      api: this.api,
      deadLetterQueues: { StreamFailures: this.streamFailures, SchedulerFailures: this.schedulerFailures },
    });

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    new CfnOutput(this, 'StreamFailuresQueueUrl', {
      value: this.streamFailures.queueUrl,
      description: 'STREAM_FAILURES_QUEUE_URL (for npm run dds -- --aws dlq list / dlq redrive)',
    });
    new CfnOutput(this, 'SchedulerFailuresQueueUrl', {
      value: this.schedulerFailures.queueUrl,
      description: 'Scheduled invocations that failed every retry (docs/runbook.md)',
    });
  }
}
