// The CDK template and the local runner come from the same topology: every
// route, stream consumer and schedule of one is in the other, with the same
// settings; plus what the template must hold that s3rver and DynamoDB Local
// cannot show (stream, on-failure queue, least-privilege grants, versioning).
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.js';
import { DOCS_CONTENT_SECURITY_POLICY } from '../../infra/docs/docs-site.js';
import { REPORT_CONTENT_SECURITY_POLICY } from '../../shared/adapters/page-headers.js';
import { localManifest } from '../../infra/local/manifest.js';
import { functions, type FunctionName } from '../../infra/topology.js';

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

let stateless: Template;
let stateful: Template;
let fnByLogicalId: Map<string, FunctionName>;
let resources: Resources;

beforeAll(() => {
  // Skip esbuild here: the bundles are checked by `npm run synth` and the bench.
  const built = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }));
  stateless = Template.fromStack(built.stateless);
  stateful = Template.fromStack(built.stateful);
  fnByLogicalId = new Map(
    (Object.keys(functions) as FunctionName[]).map((n) => [
      Stack.of(built.stateless).getLogicalId(built.stateless.functions[n].node.defaultChild as never),
      n,
    ]),
  );
  resources = stateless.toJSON().Resources as Resources;
});

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const fnOfArn = (arn: unknown): FunctionName | undefined => {
  const id = (arn as { 'Fn::GetAtt'?: [string, string] })['Fn::GetAtt']?.[0];
  return id ? fnByLogicalId.get(id) : undefined;
};

describe('CDK template and local runner agree', () => {
  it('serve the same routes with the same functions', () => {
    const integrations = new Map(ofType('AWS::ApiGatewayV2::Integration').map(([id, r]) => [id, fnOfArn(r.Properties.IntegrationUri)]));
    const cdkRoutes = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => {
      const target = (r.Properties.Target as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      const integrationId = (target[1] as { Ref: string }).Ref;
      return { routeKey: r.Properties.RouteKey as string, functionName: integrations.get(integrationId) };
    });
    const sort = (xs: Array<{ routeKey: string }>) => [...xs].sort((a, b) => a.routeKey.localeCompare(b.routeKey));
    expect(sort(cdkRoutes)).toEqual(sort(localManifest().routes));
    expect(cdkRoutes.map((r) => r.routeKey)).toContain('POST /v1/assessments');
  });

  it('feed the same stream consumers, with the same filter, batch, retry and bisect settings', () => {
    const mappings = ofType('AWS::Lambda::EventSourceMapping').map(([, r]) => r.Properties);
    const cdk = mappings.map((p) => {
      const fn = fnByLogicalId.get((p.FunctionName as { Ref: string }).Ref);
      const pattern = JSON.parse((p.FilterCriteria as { Filters: Array<{ Pattern: string }> }).Filters[0]!.Pattern) as {
        eventName: string[];
        dynamodb: { NewImage: { type: { S: string[] } } };
      };
      return {
        functionName: fn,
        eventTypes: pattern.dynamodb.NewImage.type.S,
        eventNames: pattern.eventName,
        batchSize: p.BatchSize,
        maxRetries: p.MaximumRetryAttempts,
        bisect: p.BisectBatchOnFunctionError,
        responseTypes: p.FunctionResponseTypes,
      };
    });
    const local = localManifest().streamConsumers.map(({ functionName, trigger }) => ({
      functionName,
      eventTypes: trigger.eventTypes,
      eventNames: ['INSERT', 'MODIFY'],
      batchSize: trigger.batchSize,
      maxRetries: trigger.maxRetries,
      bisect: true,
      responseTypes: ['ReportBatchItemFailures'],
    }));
    const byName = (a: { functionName?: string }, b: { functionName?: string }) =>
      String(a.functionName).localeCompare(String(b.functionName));
    expect(cdk.sort(byName)).toEqual(local.sort(byName));
    expect(cdk.map((c) => c.functionName).sort()).toEqual(['projector', 'publishReport']);
  });

  it('fire the same schedules at the same times, naming the scheduled time', () => {
    const cdk = ofType('AWS::Scheduler::Schedule').map(([, r]) => ({
      functionName: fnOfArn((r.Properties.Target as { Arn: unknown }).Arn),
      expression: r.Properties.ScheduleExpression,
      input: JSON.parse((r.Properties.Target as { Input: string }).Input) as unknown,
    }));
    const local = localManifest().schedules.map(({ functionName, schedule: { cron } }) => ({
      functionName,
      expression: `cron(${cron.minute} ${cron.hour} ${cron.day} ${cron.month} ? *)`,
      input: { source: 'schedule', scheduledTime: '<aws.scheduler.scheduled-time>' },
    }));
    expect(cdk).toEqual(local);
  });
});

describe('stateful stack', () => {
  it('has the submissions table with a NEW_IMAGE stream, point-in-time recovery and deletion protection', () => {
    stateful.hasResourceProperties('AWS::DynamoDB::Table', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
    stateful.resourceCountIs('AWS::DynamoDB::Table', 4);
    stateful.hasResourceProperties('AWS::DynamoDB::Table', { TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true } });
    // The names an operator gives the CLI (--aws), as outputs.
    expect(
      Object.keys(stateful.findOutputs('*'))
        .filter((k) => k.endsWith('Name'))
        .sort(),
    ).toEqual([
      'COMMITTEEBUCKETName',
      'CONTROLTABLEName',
      'FEEDBACKCOMMENTSTABLEName',
      'PROJECTIONSTABLEName',
      'PUBLICBUCKETName',
      'SUBMISSIONSTABLEName',
    ]);
  });

  it('keeps both report buckets private, versioned, encrypted and TLS-only; the public one is read by CloudFront only', () => {
    const buckets = Object.values(stateful.findResources('AWS::S3::Bucket')).filter(
      (b) => (b as { Properties: { VersioningConfiguration?: unknown } }).Properties.VersioningConfiguration,
    );
    expect(buckets).toHaveLength(2);
    for (const b of buckets) {
      expect((b as { Properties: Record<string, unknown> }).Properties.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
    }
    stateful.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ SigningBehavior: 'always' }),
    });
    stateful.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  // s3rver keeps no versions: what erasure relies on is checked here (design §6).
  it('keeps older versions of the report files for 90 days, lets an unfinished upload go after a day, and no function may delete a version: erasure does, as the operator', () => {
    const buckets = Object.values(stateful.findResources('AWS::S3::Bucket')).filter(
      (b) => (b as { Properties: { VersioningConfiguration?: unknown } }).Properties.VersioningConfiguration,
    ) as Array<{ Properties: Record<string, unknown> }>;
    for (const b of buckets) {
      expect(b.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(b.Properties.LifecycleConfiguration).toEqual({
        Rules: [
          {
            NoncurrentVersionExpiration: { NoncurrentDays: 90 },
            AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 },
            Status: 'Enabled',
          },
        ],
      });
    }
    const actions = [stateless, stateful].flatMap((t) =>
      Object.values(t.findResources('AWS::IAM::Policy')).flatMap((p) =>
        (
          (p as { Properties: { PolicyDocument: { Statement: Array<{ Action: string | string[] }> } } }).Properties.PolicyDocument
            .Statement ?? []
        ).flatMap((st) => [st.Action].flat()),
      ),
    );
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => /^s3:(\*|Delete\*|DeleteObjectVersion)$/.test(a))).toEqual([]);
  });
});

describe('/docs in AWS', () => {
  it('deploys the docs to the public bucket under docs/ and serves them through a /docs* behavior with a CSP of their own', () => {
    stateful.hasResourceProperties('Custom::CDKBucketDeployment', {
      DestinationBucketKeyPrefix: 'docs/',
      Prune: true,
      DistributionPaths: ['/docs*'],
    });
    const policies = stateful.findResources('AWS::CloudFront::ResponseHeadersPolicy') as Record<
      string,
      {
        Properties: {
          ResponseHeadersPolicyConfig: { SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: string } } };
        };
      }
    >;
    const cspOf = (id: string) =>
      policies[id]!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;
    const [distribution] = Object.values(stateful.findResources('AWS::CloudFront::Distribution')) as Array<{
      Properties: {
        DistributionConfig: {
          DefaultCacheBehavior: { ResponseHeadersPolicyId: { Ref: string }; TargetOriginId: string };
          CacheBehaviors: Array<{
            PathPattern: string;
            ResponseHeadersPolicyId: { Ref: string };
            TargetOriginId: string;
            AllowedMethods: string[];
          }>;
        };
      };
    }>;
    const config = distribution!.Properties.DistributionConfig;
    const docs = config.CacheBehaviors.find((b) => b.PathPattern === '/docs*')!;
    expect(docs).toBeDefined();
    // The same bucket origin (origin access control), read only.
    expect(docs.TargetOriginId).toBe(config.DefaultCacheBehavior.TargetOriginId);
    expect(docs.AllowedMethods).toEqual(['GET', 'HEAD']);
    // The docs run their own script (and nothing inline); the reports run none at all.
    expect(cspOf(docs.ResponseHeadersPolicyId.Ref)).toBe(DOCS_CONTENT_SECURITY_POLICY);
    expect(cspOf(docs.ResponseHeadersPolicyId.Ref)).toContain("script-src 'self'");
    expect(cspOf(docs.ResponseHeadersPolicyId.Ref)).not.toContain('unsafe');
    expect(cspOf(config.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref)).toBe(REPORT_CONTENT_SECURITY_POLICY);
    expect(Object.keys(stateful.findOutputs('ApiDocsUrl'))).toEqual(['ApiDocsUrl']);
  });
});

describe('stateless stack', () => {
  it('sends stream records that keep failing to an encrypted on-failure queue with an alarm', () => {
    stateless.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^StreamFailures'), 'Arn'] } } },
      StartingPosition: 'TRIM_HORIZON',
    });
    stateless.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    stateless.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 0 });
  });

  it('grants each function only the resources the topology says, and only the access it says', () => {
    const policies = ofType('AWS::IAM::Policy').map(([, r]) => r.Properties);
    const roles = ofType('AWS::IAM::Role');
    const roleOf = (fn: FunctionName) => {
      const fnResource = Object.entries(resources).find(([id]) => fnByLogicalId.get(id) === fn)![1];
      return (fnResource.Properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
    };
    const statementsOf = (fn: FunctionName) =>
      policies
        .filter((p) => (p.Roles as Array<{ Ref: string }>).some((r) => r.Ref === roleOf(fn)))
        .flatMap((p) => (p.PolicyDocument as { Statement: Array<{ Action: string | string[]; Resource: unknown }> }).Statement)
        .filter((s) => {
          if (s.Resource !== '*') return true;
          // The only unscoped actions: X-Ray tracing and the stream mapping's ListStreams.
          expect([s.Action].flat().every((a) => a.startsWith('xray:') || a === 'dynamodb:ListStreams')).toBe(true);
          return false;
        });
    const touched = (fn: FunctionName) => {
      const out = new Map<string, Set<string>>();
      for (const s of statementsOf(fn)) {
        const res = JSON.stringify(s.Resource);
        const name =
          /(Submissions|Projections|Control|FeedbackComments)Table|(PublicReports|CommitteeReports)Bucket|StreamFailures/.exec(res)?.[0] ??
          'other';
        const set = out.get(name) ?? new Set<string>();
        for (const a of [s.Action].flat()) set.add(a);
        out.set(name, set);
      }
      return out;
    };
    expect(roles.length).toBeGreaterThanOrEqual(7);
    const ingest = touched('ingestAssessment');
    expect([...ingest.keys()].sort()).toEqual(['ControlTable', 'SubmissionsTable']);
    expect(ingest.get('SubmissionsTable')?.has('dynamodb:PutItem')).toBe(true);
    expect(ingest.get('SubmissionsTable')?.has('dynamodb:GetItem')).toBe(false);

    const projector = touched('projector');
    expect([...projector.keys()].sort()).toEqual(['ControlTable', 'ProjectionsTable', 'StreamFailures', 'SubmissionsTable']);
    // The projector writes the control table (its failure notes) and never reads it: no key or idempotency record.
    expect([...projector.get('ControlTable')!].some((a) => /Get|Query|Scan/.test(a))).toBe(false);
    expect(projector.get('SubmissionsTable')?.has('dynamodb:PutItem')).toBe(false);
    expect(projector.get('SubmissionsTable')?.has('dynamodb:GetRecords')).toBe(true);

    const reader = touched('getService');
    expect([...reader.get('SubmissionsTable')!].some((a) => /Put|Update|Delete|Write/.test(a))).toBe(false);

    expect([...touched('publishReport').keys()].sort()).toEqual([
      'CommitteeReportsBucket',
      'ControlTable',
      'FeedbackCommentsTable',
      'ProjectionsTable',
      'PublicReportsBucket',
      'StreamFailures',
      'SubmissionsTable',
    ]);
    // publishReport reads the registers in the control table, and writes there only its failure notes.
    expect(touched('publishReport').get('ControlTable')!.has('dynamodb:Query')).toBe(true);
    // publishReport reads the submissions table (the explanations' texts, and its stream), never writes it
    expect([...touched('publishReport').get('SubmissionsTable')!].some((a) => /Put|Update|Delete|Write/.test(a))).toBe(false);
    expect(touched('publishReport').get('SubmissionsTable')!.has('dynamodb:BatchGetItem')).toBe(true);
    // recordDecision finds the assessment through the projections' index, read only, and writes only the decision
    expect([...touched('recordDecision').get('ProjectionsTable')!].some((a) => /Put|Update|Delete|Write/.test(a))).toBe(false);
    expect(touched('recordDecision').get('SubmissionsTable')!.has('dynamodb:PutItem')).toBe(true);
    expect(touched('recordDecision').get('SubmissionsTable')!.has('dynamodb:Query')).toBe(false);
    // /health reads one key of the control table and lists the public bucket (design §3); it writes nothing.
    const docs = touched('publicDocs');
    expect([...docs.keys()].sort()).toEqual(['ControlTable', 'PublicReportsBucket']);
    expect([...docs.get('ControlTable')!].some((a) => /Put|Update|Delete|Write/.test(a))).toBe(false);
    expect([...docs.get('PublicReportsBucket')!].sort()).toEqual(['s3:GetObject', 's3:ListBucket']);
    // The series read the projections and the stored counts versions, and write neither.
    const series = touched('getIndicatorSeries');
    expect([...series.keys()].sort()).toEqual(['ControlTable', 'ProjectionsTable', 'SubmissionsTable']);
    for (const t of ['ProjectionsTable', 'SubmissionsTable'])
      expect(
        [...series.get(t)!].some((a) => /Put|Update|Delete|Write/.test(a)),
        t,
      ).toBe(false);
    // publishReport copies a period's public files to latest/ in S3, so it reads the public bucket; it deletes nothing,
    // and the committee's bucket it only writes.
    const reportsTouched = touched('publishReport');
    expect(reportsTouched.get('PublicReportsBucket')!.has('s3:GetObject')).toBe(true);
    expect(reportsTouched.get('PublicReportsBucket')!.has('s3:PutObject')).toBe(true);
    for (const b of ['PublicReportsBucket', 'CommitteeReportsBucket'])
      expect(
        [...reportsTouched.get(b)!].filter((a) => /Delete/.test(a)),
        b,
      ).toEqual([]);
    expect([...reportsTouched.get('CommitteeReportsBucket')!].some((a) => /^s3:(Get|List)/.test(a))).toBe(false);
    // The committee's reports are read, never written, by the function that serves them.
    expect([...touched('committeeReports').get('CommitteeReportsBucket')!].sort()).toEqual(['s3:GetObject', 's3:ListBucket']);
    expect(touched('committeeReports').has('PublicReportsBucket')).toBe(false);
  });

  it('builds every function as an ESM, ARM64, Node.js 24 bundle with a log group', () => {
    stateless.resourcePropertiesCountIs(
      'AWS::Lambda::Function',
      { Architectures: ['arm64'], Runtime: 'nodejs24.x' },
      Object.keys(functions).length,
    );
    stateless.resourceCountIs('AWS::Logs::LogGroup', Object.keys(functions).length + 1);
  });

  it('throttles the API so a caller over the rate gets 429', () => {
    stateless.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 },
    });
  });
});

describe('cdk-nag', () => {
  it('passes the AWS Solutions checks, every exception acknowledged with a reason', () => {
    const { app } = buildApp(new App({ context: { 'aws:cdk:bundling-stacks': [] } }));
    expect(() => app.synth()).not.toThrow();
  });
});
