// Issue 8, point 15, as CDK assertions: an alarm on every dead-letter queue,
// on every function's errors and throttles, on each stream consumer's
// iterator age, on API 5xx and on reports not published by the 2nd; every
// alarm notifies the SNS topic operators subscribe to (an output); one
// dashboard shows every alarm and the pipeline's own metrics.
import { readFileSync } from 'node:fs';
import { App, Stack, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.js';
import { AWS_STREAM_FAILURES_QUEUE_URL } from '../../infra/cli/settings.js';
import type { StatelessStack } from '../../infra/stacks/stateless-stack.js';
import { functions, functionSpecs, type FunctionName } from '../../infra/topology.js';
import { METRIC, METRICS_NAMESPACE } from '../../shared/adapters/metrics.js';

type Resource = { Type: string; Properties: Record<string, any> };
let stack: StatelessStack;
let template: Template;
let resources: Record<string, Resource>;
let alarms: Array<[string, Record<string, any>]>;
let topicId: string;

const idOf = (construct: { node: { defaultChild?: unknown } } | CfnElement) =>
  Stack.of(stack).getLogicalId(
    ('node' in construct && construct.node.defaultChild ? construct.node.defaultChild : construct) as CfnElement,
  );
const fnId = (name: FunctionName) => idOf(stack.functions[name]);
const dims = (a: Record<string, any>) =>
  Object.fromEntries((a.Dimensions ?? []).map((d: { Name: string; Value: unknown }) => [d.Name, d.Value]));

beforeAll(() => {
  stack = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } })).stateless;
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources as Record<string, Resource>;
  alarms = Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm')
    .map(([id, r]) => [id, r.Properties]);
  topicId = idOf(stack.operations.topic);
});

const alarmsOn = (namespace: string, metricName: string) =>
  alarms.filter(([, a]) => a.Namespace === namespace && a.MetricName === metricName);

describe('alarms', () => {
  it('watch every dead-letter queue: the stream mappings’ and the schedules’ (which has one now)', () => {
    const queues = alarmsOn('AWS/SQS', 'ApproximateNumberOfMessagesVisible').map(([, a]) => [
      dims(a).QueueName,
      a.Threshold,
      a.ComparisonOperator,
    ]);
    expect(queues).toEqual([
      [{ 'Fn::GetAtt': [idOf(stack.streamFailures), 'QueueName'] }, 0, 'GreaterThanThreshold'],
      [{ 'Fn::GetAtt': [idOf(stack.schedulerFailures), 'QueueName'] }, 0, 'GreaterThanThreshold'],
    ]);
    // Every schedule's target sends what it could not deliver to the scheduler's queue.
    const schedules = Object.values(resources).filter((r) => r.Type === 'AWS::Scheduler::Schedule');
    expect(schedules.length).toBe(functionSpecs().flatMap(([, f]) => f.schedules ?? []).length);
    for (const s of schedules)
      expect(s.Properties.Target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [idOf(stack.schedulerFailures), 'Arn'] } });
  });

  it('watch errors and throttles of every function of the topology', () => {
    const names = Object.keys(functions) as FunctionName[];
    for (const metricName of ['Errors', 'Throttles']) {
      const watched = alarmsOn('AWS/Lambda', metricName).map(([, a]) => {
        expect([a.Threshold, a.ComparisonOperator, a.Statistic, a.Period]).toEqual([0, 'GreaterThanThreshold', 'Sum', 300]);
        return (dims(a).FunctionName as { Ref: string }).Ref;
      });
      expect(watched.sort()).toEqual(names.map(fnId).sort());
    }
  });

  it("watch each stream consumer's iterator age (the projector's: 5 minutes behind)", () => {
    const ages = alarmsOn('AWS/Lambda', 'IteratorAge').map(([, a]) => [
      (dims(a).FunctionName as { Ref: string }).Ref,
      a.Threshold,
      a.Statistic,
    ]);
    expect(ages.sort()).toEqual(
      [
        [fnId('projector'), 300_000, 'Maximum'],
        [fnId('publishReport'), 600_000, 'Maximum'],
      ].sort(),
    );
  });

  it('watch the API’s 5xx', () => {
    const api = alarmsOn('AWS/ApiGateway', '5xx').map(([, a]) => [dims(a), a.Threshold, a.ComparisonOperator, a.Statistic]);
    expect(api).toEqual([[{ ApiId: { Ref: idOf(stack.api) } }, 5, 'GreaterThanOrEqualToThreshold', 'Sum']]);
  });

  it('watch a period not published by the 2nd, from the daily report watch’s metric', () => {
    const missing = alarmsOn(METRICS_NAMESPACE, METRIC.reportsMissing).map(([id, a]) => [
      id,
      dims(a),
      a.Statistic,
      a.Period,
      a.Threshold,
      a.TreatMissingData,
    ]);
    expect(missing).toEqual([
      [expect.stringMatching(/^ReportNotPublishedAlarm/), { service: 'reportWatch' }, 'Maximum', 86_400, 0, 'ignore'],
    ]);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 6 * * ? *)',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [fnId('reportWatch'), 'Arn'] } }),
    });
  });

  it('all notify one encrypted SNS topic, which is an output for operators to subscribe to', () => {
    expect(alarms.length).toBe(2 + 2 * Object.keys(functions).length + 2 + 1 + 1);
    for (const [, a] of alarms) {
      expect(a.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(a.OKActions).toEqual([{ Ref: topicId }]);
    }
    const keyId = (resources[topicId]!.Properties.KmsMasterKeyId as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(resources[keyId]!.Type).toBe('AWS::KMS::Key');
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
        ]),
      },
    });
    expect(template.findOutputs('AlarmTopicArn').AlarmTopicArn?.Value).toEqual({ Ref: topicId });
  });

  it("give the CLI the stream's dead-letter queue as an output it reads", () => {
    const out = template.findOutputs('StreamFailuresQueueUrl').StreamFailuresQueueUrl!;
    expect(out.Value).toEqual({ Ref: idOf(stack.streamFailures) });
    expect(out.Description).toContain(AWS_STREAM_FAILURES_QUEUE_URL);
  });
});

describe('the dashboard', () => {
  it('is one, showing every alarm and the metrics the functions emit', () => {
    const dashboards = Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    const body = JSON.stringify(dashboards[0]!.Properties.DashboardBody);
    for (const [id] of alarms) expect(body).toContain(JSON.stringify({ 'Fn::GetAtt': [id, 'Arn'] }));
    for (const name of Object.values(METRIC)) expect(body).toContain(name);
    expect(body).toContain('IteratorAge');
    expect(body).toContain('NumberOfMessagesSent');
  });
});

describe('the runbook', () => {
  it('has the section every alarm names', () => {
    const text = readFileSync(new URL('../../docs/runbook.md', import.meta.url), 'utf8');
    const anchors = new Set(
      [...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
        m[1]!
          .trim()
          .toLowerCase()
          .replace(/[^a-z0-9 _-]/g, '')
          .replace(/ /g, '-'),
      ),
    );
    const named = alarms.map(([id, a]) => [id, /Runbook: docs\/runbook\.md#([a-z0-9-]+)$/.exec(a.AlarmDescription as string)?.[1]]);
    expect(named.filter(([, anchor]) => anchor === undefined || !anchors.has(anchor))).toEqual([]);
    expect(new Set(named.map(([, anchor]) => anchor)).size).toBe(7);
  });
});
