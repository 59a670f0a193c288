// docs/runbook.md, "Restore a table from point-in-time recovery": the stacks
// take a restored table in the place of its original by context, and every
// function, the stream mapping and the CLI's outputs follow it.
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.js';
import { resources } from '../../infra/topology.js';

const STREAM = 'arn:aws:dynamodb:eu-west-1:123456789012:table/dds-submissions-restored/stream/2026-10-02T08:00:00.000';
const app = (context: Record<string, string>) => buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [], ...context } }));

describe('a table restored from point-in-time recovery', () => {
  it('replaces the original for every function, the stream mapping and the outputs; cdk-nag stays clean', () => {
    const built = app({ 'restore:submissions': 'dds-submissions-restored', 'restore:submissionsStream': STREAM });
    const stateful = Template.fromStack(built.stateful);
    const stateless = Template.fromStack(built.stateless);
    // Every table of the topology but the restored one is the stack's own.
    stateful.resourceCountIs('AWS::DynamoDB::Table', Object.values(resources).filter((r) => r.kind === 'table').length - 1);
    expect(stateful.findOutputs('SUBMISSIONSTABLEName').SUBMISSIONSTABLEName?.Value).toBe('dds-submissions-restored');
    const envs = Object.values(stateless.findResources('AWS::Lambda::Function')).map(
      (f) => (f as { Properties: { Environment: { Variables: Record<string, unknown> } } }).Properties.Environment.Variables,
    );
    const using = envs.filter((v) => 'SUBMISSIONS_TABLE' in v);
    expect(using.length).toBeGreaterThan(0);
    for (const v of using) expect(v.SUBMISSIONS_TABLE).toBe('dds-submissions-restored');
    const sources = Object.values(stateless.findResources('AWS::Lambda::EventSourceMapping')).map(
      (m) => (m as { Properties: { EventSourceArn: unknown } }).Properties.EventSourceArn,
    );
    expect(sources).toEqual([STREAM, STREAM]);
    expect(() => built.app.synth()).not.toThrow();
  });

  it('needs the stream ARN of a table with a stream, and is refused for the projections (rebuild them)', () => {
    expect(() => app({ 'restore:submissions': 'dds-submissions-restored' })).toThrow(/restore:submissionsStream/);
    expect(() => app({ 'restore:projections': 'p' })).toThrow(/npm run dds -- --aws rebuild/);
  });
});
