// What the CDK template must hold for the feedback instrument: the comments
// in a table of their own with a TTL, readable only by the functions that
// show comments; the public form's routes throttled on their own.
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.js';
import { functions, type FunctionName } from '../../infra/topology.js';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;
let stateless: Template;
let stateful: Template;
let resources: Resources;
let fnByLogicalId: Map<string, FunctionName>;

beforeAll(() => {
  const built = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }));
  stateless = Template.fromStack(built.stateless);
  stateful = Template.fromStack(built.stateful);
  resources = stateless.toJSON().Resources as Resources;
  fnByLogicalId = new Map(
    (Object.keys(functions) as FunctionName[]).map((n) => [
      Stack.of(built.stateless).getLogicalId(built.stateless.functions[n].node.defaultChild as never),
      n,
    ]),
  );
});

/** The table (or bucket) each of a function's statements names, and the actions on it. */
function grants(fn: FunctionName): Map<string, Set<string>> {
  const [fnId] = [...fnByLogicalId].find(([, n]) => n === fn)!;
  const role = (resources[fnId]!.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
  const out = new Map<string, Set<string>>();
  for (const r of Object.values(resources)) {
    if (r.Type !== 'AWS::IAM::Policy' || !(r.Properties.Roles as Array<{ Ref: string }>).some((x) => x.Ref === role)) continue;
    for (const s of (r.Properties.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown }> }).Statement) {
      const name = /FeedbackCommentsTable|SubmissionsTable|ProjectionsTable|ControlTable|ReportsBucket|StreamFailures/.exec(
        JSON.stringify(s.Resource),
      )?.[0];
      if (!name) continue;
      const set = out.get(name) ?? new Set<string>();
      [s.Action].flat().forEach((a) => set.add(a));
      out.set(name, set);
    }
  }
  return out;
}
const writes = (actions: Set<string> | undefined) => [...(actions ?? [])].filter((a) => /Put|Update|Delete|Write/.test(a));
const reads = (actions: Set<string> | undefined) => [...(actions ?? [])].filter((a) => /Get|Query|Scan/.test(a));

describe('feedback comments in the template', () => {
  it('live in a table of their own, with a TTL on expiresAt, encrypted, and no stream', () => {
    const tables = Object.values(stateful.findResources('AWS::DynamoDB::Table')) as Array<{ Properties: Record<string, unknown> }>;
    const comments = tables.filter(
      (t) => (t.Properties.TimeToLiveSpecification as { AttributeName?: string } | undefined)?.AttributeName === 'expiresAt',
    );
    // the control table and the comments table
    expect(comments).toHaveLength(2);
    expect(comments.filter((t) => t.Properties.StreamSpecification === undefined)).toHaveLength(2);
    for (const t of comments) expect(t.Properties.SSESpecification).toEqual({ SSEEnabled: true });
  });

  it('are read only by the functions that show them, written only by the functions that take them in', () => {
    const touching = (Object.keys(functions) as FunctionName[]).filter((f) => grants(f).has('FeedbackCommentsTable')).sort();
    expect(touching).toEqual(['getFeedback', 'giveFeedback', 'publishReport', 'reportFeedback']);
    expect(writes(grants('getFeedback').get('FeedbackCommentsTable'))).toEqual([]);
    // the committee's report shows them: the publisher reads them, never writes or deletes one
    expect(writes(grants('publishReport').get('FeedbackCommentsTable'))).toEqual([]);
    expect(reads(grants('publishReport').get('FeedbackCommentsTable'))).toContain('dynamodb:Query');
    // the public function writes a comment and never reads one back
    expect(reads(grants('giveFeedback').get('FeedbackCommentsTable'))).toEqual([]);
    // a service is known from its assessments or its plan (projections): read, never written
    expect(writes(grants('giveFeedback').get('ProjectionsTable'))).toEqual([]);
    expect([...grants('feedbackForm').keys()].sort()).toEqual(['ProjectionsTable', 'SubmissionsTable']);
    expect(writes(grants('feedbackForm').get('SubmissionsTable'))).toEqual([]);
    expect(writes(grants('feedbackForm').get('ProjectionsTable'))).toEqual([]);
    expect(grants('projector').has('FeedbackCommentsTable')).toBe(false);
  });
});

describe('the public form', () => {
  it('has throttling of its own on every route, below the stage default', () => {
    const stage = Object.values(stateless.findResources('AWS::ApiGatewayV2::Stage'))[0] as {
      Properties: {
        DefaultRouteSettings: { ThrottlingRateLimit: number };
        RouteSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }>;
      };
    };
    const publicFeedbackRoutes = [...functions.feedbackForm.routes, ...functions.giveFeedback.routes].map((r) => `${r.method} ${r.path}`);
    expect(Object.keys(stage.Properties.RouteSettings).sort()).toEqual(publicFeedbackRoutes.sort());
    for (const s of Object.values(stage.Properties.RouteSettings)) {
      expect(s.ThrottlingRateLimit).toBeLessThan(stage.Properties.DefaultRouteSettings.ThrottlingRateLimit);
      expect(s.ThrottlingBurstLimit).toBeGreaterThanOrEqual(s.ThrottlingRateLimit);
    }
  });
});
