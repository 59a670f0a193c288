// What operators watch (design §5, operable): an alarm on every dead-letter
// queue, on each function's errors and throttles, on each stream consumer's
// iterator age, on the API's 5xx and on reports not published by the 2nd of
// the month; every alarm notifies one SNS topic (operators subscribe to it),
// and one dashboard shows the alarms beside the pipeline's own metrics.
// Derived from the topology: a function added there is watched here.
// docs/runbook.md says what to do for each alarm, by the alarm's id.
import { CfnOutput, Duration, Stack } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  TextWidget,
  TreatMissingData,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { METRIC, METRICS_NAMESPACE } from '../../shared/adapters/metrics.js';
import { functionSpecs, type FunctionName } from '../topology.js';
import type { DdsFunction } from './dds-function.js';

export interface OperationsProps {
  functions: Record<FunctionName, DdsFunction>;
  api: HttpApi;
  /** every dead-letter queue, by the name its alarm and the runbook use */
  deadLetterQueues: Record<string, Queue>;
}

const FIVE_MINUTES = Duration.minutes(5);

export const RUNBOOK = 'docs/runbook.md';

/** An iterator age past this means a consumer is falling behind: twice its timeout, and never less than 5 minutes. */
export const iteratorAgeLimit = (timeoutSeconds: number): Duration => Duration.seconds(Math.max(300, 2 * timeoutSeconds));

/** API 5xx in five minutes before the alarm: one 503 while a store throttles is the contract, a run of them is not. */
export const API_5XX_THRESHOLD = 5;

/** A topology name as a construct id: projector → Projector. */
export const logicalName = (name: string) => `${name[0]!.toUpperCase()}${name.slice(1)}`;

export class Operations extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const stack = Stack.of(this);

    // Encrypted with a key of our own: CloudWatch cannot publish to a topic under the AWS-managed SNS key.
    const key = new Key(this, 'AlarmTopicKey', { enableKeyRotation: true, description: 'dds-monitor alarm notifications' });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'AlarmTopic', { displayName: 'dds-monitor alarms', masterKey: key, enforceSSL: true });
    const notify = new SnsAction(this.topic);

    /** An alarm that notifies the topic, and names its section of the runbook. */
    const alarm = (alarmId: string, o: ConstructorParameters<typeof Alarm>[2], runbook = alarmId.toLowerCase()) => {
      const a = new Alarm(stack, alarmId, {
        ...o,
        alarmDescription: `${o.alarmDescription} Runbook: ${RUNBOOK}#${runbook}`,
      });
      a.addAlarmAction(notify);
      a.addOkAction(notify);
      this.alarms.push(a);
      return a;
    };

    const dlqWidgets: IMetric[] = [];
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      // Alarms take the metrics without a label (a label would make them metric math); the graphs name them.
      const depth = queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1) });
      alarm(`${name}Alarm`, {
        alarmDescription: `Messages wait in the ${name} dead-letter queue: something failed every retry.`,
        metric: depth,
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
      dlqWidgets.push(
        depth.with({ label: `${name} waiting` }),
        queue.metricNumberOfMessagesSent({ period: FIVE_MINUTES, statistic: 'Sum', label: `${name} dead-lettered` }),
      );
    }

    const errors: IMetric[] = [];
    const throttles: IMetric[] = [];
    const iteratorAges: IMetric[] = [];
    for (const [name, spec] of functionSpecs()) {
      const fn = props.functions[name];
      const id = logicalName(name);
      const fnErrors = fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' });
      const fnThrottles = fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' });
      errors.push(fnErrors.with({ label: name }));
      throttles.push(fnThrottles.with({ label: name }));
      alarm(
        `${id}ErrorsAlarm`,
        {
          alarmDescription: `The ${name} function failed (an unhandled error, a timeout or a crash).`,
          metric: fnErrors,
          threshold: 0,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        },
        'function-errors',
      );
      alarm(
        `${id}ThrottlesAlarm`,
        {
          alarmDescription: `Invocations of the ${name} function were throttled (the account's or the function's concurrency).`,
          metric: fnThrottles,
          threshold: 0,
          comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: 1,
          treatMissingData: TreatMissingData.NOT_BREACHING,
        },
        'function-throttles',
      );
      if (spec.stream) {
        const age = new Metric({
          namespace: 'AWS/Lambda',
          metricName: 'IteratorAge',
          dimensionsMap: { FunctionName: fn.functionName },
          statistic: 'Maximum',
          period: FIVE_MINUTES,
        });
        iteratorAges.push(age.with({ label: `${name} iterator age` }));
        const limit = iteratorAgeLimit(spec.timeoutSeconds);
        alarm(
          `${id}IteratorAgeAlarm`,
          {
            alarmDescription: `The ${name} function is more than ${limit.toMinutes()} minutes behind the submissions stream.`,
            metric: age,
            threshold: limit.toMilliseconds(),
            comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
            evaluationPeriods: 3,
            treatMissingData: TreatMissingData.NOT_BREACHING,
          },
          'iterator-age',
        );
      }
    }

    const api5xx = props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' });
    alarm('Api5xxAlarm', {
      alarmDescription: `The API answered ${API_5XX_THRESHOLD} or more 5xx in five minutes (a store unreachable, or a bug: a 500).`,
      metric: api5xx,
      threshold: API_5XX_THRESHOLD,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });

    const dds = (metricName: string, service: FunctionName, statistic = 'Sum', period = FIVE_MINUTES) =>
      new Metric({ namespace: METRICS_NAMESPACE, metricName, dimensionsMap: { service }, statistic, period });
    // The report watch writes one figure a day; between two, the alarm keeps its state.
    const missing = dds(METRIC.reportsMissing, 'reportWatch', 'Maximum', Duration.days(1));
    alarm('ReportNotPublishedAlarm', {
      alarmDescription: 'A period the monthly run was to publish on the 1st has no published report on the 2nd or later.',
      metric: missing,
      threshold: 0,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.IGNORE,
    });

    const search = (metricName: string, dimension: string, label: string) =>
      new MathExpression({
        expression: `SEARCH('{${METRICS_NAMESPACE},${dimension},service} MetricName="${metricName}"', 'Sum', 300)`,
        label,
        period: FIVE_MINUTES,
      });

    this.dashboard = new Dashboard(this, 'Dashboard', { defaultInterval: Duration.days(7) });
    const wide = { width: 12, height: 6 };
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: '# dds-monitor\nAlarms notify the SNS topic of the `AlarmTopicArn` output; what to do for each: `docs/runbook.md`.',
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24, height: 6 }));
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Accepted requests by route', left: [search(METRIC.accepted, 'route', 'accepted')], ...wide }),
      new GraphWidget({
        title: 'Refused (4xx) and failed (5xx) requests by code',
        left: [search(METRIC.refused, 'code', 'refused'), search(METRIC.failed, 'code', 'failed')],
        ...wide,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'API 5xx', left: [api5xx.with({ label: 'API 5xx' })], ...wide }),
      new GraphWidget({
        title: 'Stream: projected, failed attempts, dead-lettered',
        left: [
          dds(METRIC.projected, 'projector').with({ label: 'projected' }),
          dds(METRIC.recordFailed, 'projector').with({ label: 'failed attempts (projector)' }),
          dds(METRIC.recordFailed, 'publishReport').with({ label: 'failed attempts (publishReport)' }),
        ],
        right: dlqWidgets,
        ...wide,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Iterator age of the stream consumers (ms)', left: iteratorAges, ...wide }),
      new GraphWidget({
        title: 'Reports published, and periods not published by the 2nd',
        left: [dds(METRIC.reportPublished, 'publishReport').with({ label: 'published' })],
        right: [missing.with({ label: 'periods missing' })],
        ...wide,
      }),
    );
    this.dashboard.addWidgets(
      new GraphWidget({ title: 'Function errors', left: errors, ...wide }),
      new GraphWidget({ title: 'Function throttles', left: throttles, ...wide }),
    );

    new CfnOutput(stack, 'AlarmTopicArn', {
      value: this.topic.topicArn,
      description: 'Subscribe to be told of every alarm: aws sns subscribe --topic-arn … --protocol email --notification-endpoint …',
    });
    new CfnOutput(stack, 'DashboardUrl', {
      value: `https://console.aws.amazon.com/cloudwatch/home?region=${stack.region}#dashboards:name=${this.dashboard.dashboardName}`,
    });
  }
}
