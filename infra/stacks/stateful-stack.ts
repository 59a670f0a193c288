// Stateful resources, in their own stack so the stateless one can be replaced
// freely: the tables and the report buckets the topology declares. A table
// restored from point-in-time recovery takes the place of its original by
// context (docs/runbook.md): -c restore:submissions=<table name> and, for a
// table with a stream, -c restore:submissionsStream=<its stream ARN>.
import { CfnOutput, Duration, RemovalPolicy, Stack, Token, type CfnElement, type StackProps } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CfFunction,
  FunctionCode,
  FunctionEventType,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  type IOrigin,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { DOCS_CONTENT_SECURITY_POLICY, DOCS_PREFIX, docsSite } from '../docs/docs-site.js';
import { acknowledge } from '../constructs/acknowledge.js';
import { AttributeType, BillingMode, StreamViewType, Table, TableEncryption, type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { REPORT_CONTENT_SECURITY_POLICY, REPORT_REFERRER_POLICY } from '../../shared/adapters/page-headers.js';
import { resources, TABLE_KEY, type ResourceName } from '../topology.js';

type TableNames = { [K in ResourceName]: (typeof resources)[K]['kind'] extends 'table' ? K : never }[ResourceName];
type BucketNames = Exclude<ResourceName, TableNames>;

export interface StatefulStackProps extends StackProps {
  /** the code version the API document under /docs names (by default package.json's) */
  codeVersion?: string;
}

export class StatefulStack extends Stack {
  readonly tables = {} as Record<TableNames, ITable>;
  readonly buckets = {} as Record<BucketNames, Bucket>;
  readonly logBucket: Bucket;
  /** where citizens read the public reports (CloudFront's address) */
  readonly publicReportsUrl: string;

  constructor(scope: Construct, id: string, props?: StatefulStackProps) {
    super(scope, id, props);

    this.logBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logging writes with ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(400) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(this.logBucket, [
      { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it into itself would loop.' },
    ]);

    for (const name of Object.keys(resources) as ResourceName[]) {
      const spec = resources[name];
      if (spec.kind === 'table') {
        const restored = this.restoredTable(name as TableNames);
        if (restored) {
          this.tables[name as TableNames] = restored;
          new CfnOutput(this, `${spec.env.replace(/_/g, '')}Name`, {
            value: restored.tableName,
            description: `${spec.env} (for npm run dds -- --aws), restored from point-in-time recovery`,
          });
          continue;
        }
        const table = new Table(this, `${name[0]!.toUpperCase()}${name.slice(1)}Table`, {
          partitionKey: { name: TABLE_KEY.partitionKey, type: AttributeType.STRING },
          sortKey: { name: TABLE_KEY.sortKey, type: AttributeType.STRING },
          billingMode: BillingMode.PAY_PER_REQUEST,
          encryption: TableEncryption.AWS_MANAGED,
          pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
          deletionProtection: true,
          removalPolicy: RemovalPolicy.RETAIN,
          ...('stream' in spec && spec.stream ? { stream: StreamViewType.NEW_IMAGE } : {}),
          ...('ttlAttribute' in spec && spec.ttlAttribute ? { timeToLiveAttribute: spec.ttlAttribute } : {}),
        });
        for (const index of 'indexes' in spec ? spec.indexes : []) {
          table.addGlobalSecondaryIndex({ indexName: index.name, partitionKey: { name: index.partitionKey, type: AttributeType.STRING } });
        }
        this.tables[name as TableNames] = table;
        new CfnOutput(this, `${spec.env.replace(/_/g, '')}Name`, {
          value: table.tableName,
          description: `${spec.env} (for npm run dds -- --aws)`,
        });
      } else {
        const bucket = new Bucket(this, `${name[0]!.toUpperCase()}${name.slice(1)}Bucket`, {
          // Even the public reports are private in S3: CloudFront reads them through origin access control.
          blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
          encryption: BucketEncryption.S3_MANAGED,
          enforceSSL: true,
          versioned: true,
          serverAccessLogsBucket: this.logBucket,
          serverAccessLogsPrefix: `s3/${name}/`,
          // A report file's upload left open (a publish cut short between its parts and their completion) is let go after a day.
          lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(90), abortIncompleteMultipartUploadAfter: Duration.days(1) }],
          removalPolicy: RemovalPolicy.RETAIN,
        });
        this.buckets[name as BucketNames] = bucket;
        new CfnOutput(this, `${spec.env.replace(/_/g, '')}Name`, {
          value: bucket.bucketName,
          description: `${spec.env} (for npm run dds -- --aws)`,
        });
      }
    }

    // The public reports, through CloudFront with origin access control; the bucket stays private.
    // The distribution lives beside its bucket: its domain is what citizens bookmark, and the
    // origin access policy on the bucket must name it without a cross-stack cycle.
    const indexRewrite = new CfFunction(this, 'DirectoryIndex', {
      code: FunctionCode.fromInline(
        "function handler(event){var r=event.request;if(r.uri.endsWith('/')){r.uri+='index.html';}else if(r.uri==='/reports'){r.uri='/reports/index.html';}return r;}",
      ),
    });
    // The same strict headers the local server and the committee function send (shared/adapters/page-headers.ts).
    const reportHeaders = new ResponseHeadersPolicy(this, 'ReportHeaders', {
      comment: 'dds-monitor reports: strict CSP, no framing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: REPORT_CONTENT_SECURITY_POLICY, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: REPORT_REFERRER_POLICY as HeadersReferrerPolicy, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      },
    });
    const origin = S3BucketOrigin.withOriginAccessControl(this.buckets.publicReports);
    const cdn = new Distribution(this, 'PublicReports', {
      comment: 'dds-monitor public transparency reports',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: reportHeaders,
        functionAssociations: [{ function: indexRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      defaultRootObject: 'reports/index.html',
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
    });
    acknowledge(cdn, [
      { id: 'AwsSolutions-CFR1', reason: 'The transparency reports are meant for everyone; no geographic restriction.' },
      {
        id: 'AwsSolutions-CFR2',
        reason:
          'Static, public, read-only files behind CloudFront caching; a WAF is an operator choice per account (costs), documented in the README.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason:
          'Uses the default CloudFront certificate (its TLS policy is fixed by AWS) until the operator attaches a custom domain and certificate.',
      },
    ]);

    this.publishDocs(origin, cdn, props?.codeVersion ?? 'dev');

    this.publicReportsUrl = `https://${cdn.distributionDomainName}/reports/`;
    new CfnOutput(this, 'PublicReportsUrl', { value: this.publicReportsUrl });
    new CfnOutput(this, 'ApiDocsUrl', { value: `https://${cdn.distributionDomainName}/docs/` });
  }

  /**
   * /docs: the rendered API document as static files (infra/docs/docs-site.ts), deployed to
   * the public bucket under docs/ and served through its own CloudFront behavior, with a
   * policy of its own that lets the page run its own script (the reports' policy allows none).
   */
  private publishDocs(origin: IOrigin, cdn: Distribution, codeVersion: string): void {
    const dir = mkdtempSync(join(tmpdir(), 'dds-docs-'));
    for (const [name, file] of docsSite(codeVersion)) writeFileSync(join(dir, name), file.body);
    const docsHeaders = new ResponseHeadersPolicy(this, 'DocsHeaders', {
      comment: 'dds-monitor /docs: its own scripts and styles only, no framing, no referrer',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: DOCS_CONTENT_SECURITY_POLICY, override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      },
    });
    // /docs answers with a redirect to /docs/ (so the page's relative addresses resolve), /docs/ with its index.html.
    const docsIndex = new CfFunction(this, 'DocsIndex', {
      code: FunctionCode.fromInline(
        "function handler(event){var r=event.request;if(r.uri==='/docs'){return {statusCode:301,statusDescription:'Moved Permanently',headers:{location:{value:'/docs/'}}};}if(r.uri.endsWith('/')){r.uri+='index.html';}return r;}",
      ),
    });
    cdn.addBehavior('/docs*', origin, {
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      responseHeadersPolicy: docsHeaders,
      functionAssociations: [{ function: docsIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
    });
    const deployment = new BucketDeployment(this, 'Docs', {
      sources: [Source.asset(dir)],
      destinationBucket: this.buckets.publicReports,
      destinationKeyPrefix: DOCS_PREFIX,
      // Only under docs/: the reports beside it are never touched.
      prune: true,
      distribution: cdn,
      distributionPaths: ['/docs*'],
      memoryLimit: 512,
    });
    // The deployment's provider function is a singleton of the stack, built by the CDK.
    const provider = this.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    const bucketArn = `<${this.getLogicalId(this.buckets.publicReports.node.defaultChild as CfnElement)}.Arn>`;
    // As cdk-nag names them: a literal where the stack knows it (cdk.json's partition literals), else the pseudo parameter.
    const region = Token.isUnresolved(this.region) ? '<AWS::Region>' : this.region;
    const partition = Token.isUnresolved(this.partition) ? '<AWS::Partition>' : this.partition;
    acknowledge(provider ?? deployment, [
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        reason: "The CDK's BucketDeployment provider logs with the AWS managed basic execution role.",
      },
      ...[
        'Action::s3:GetObject*',
        'Action::s3:GetBucket*',
        'Action::s3:List*',
        'Action::s3:DeleteObject*',
        'Action::s3:Abort*',
        'Resource::*',
      ].map((what) => ({
        id: `AwsSolutions-IAM5[${what}]`,
        reason:
          "The CDK's BucketDeployment provider reads the docs asset and replaces docs/ of the public bucket; its grants are the CDK's own.",
      })),
      {
        id: `AwsSolutions-IAM5[Resource::arn:${partition}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${region}/*]`,
        reason: "The CDK's BucketDeployment provider reads the docs asset from the CDK's asset bucket.",
      },
      { id: 'AwsSolutions-L1', reason: "The CDK's BucketDeployment provider's runtime is chosen by aws-cdk-lib." },
      {
        id: `AwsSolutions-IAM5[Resource::${bucketArn}/*]`,
        reason: 'The docs are written under docs/ of the public bucket (prune removes only files under docs/).',
      },
    ]);
  }

  /**
   * A table restored from point-in-time recovery, when the context names one.
   * The original stays in the account (RETAIN, deletion protection), out of
   * the stack. Projections are not restored: `rebuild` recomputes them.
   */
  private restoredTable(name: TableNames): ITable | undefined {
    const tableName = this.node.tryGetContext(`restore:${name}`) as string | undefined;
    if (!tableName) return undefined;
    const spec = resources[name];
    if ('indexes' in spec) throw new Error(`restore:${name}: ${name} is recomputed, not restored: npm run dds -- --aws rebuild`);
    const streamArn = this.node.tryGetContext(`restore:${name}Stream`) as string | undefined;
    if ('stream' in spec && spec.stream && !streamArn)
      throw new Error(`restore:${name} needs restore:${name}Stream: the restored table's LatestStreamArn (aws dynamodb describe-table)`);
    return Table.fromTableAttributes(this, `${name[0]!.toUpperCase()}${name.slice(1)}RestoredTable`, {
      tableName,
      ...(streamArn ? { tableStreamArn: streamArn } : {}),
    });
  }
}
