// The house Lambda construct: every function gets the same defaults (ESM,
// minified, source maps, ARM64, a log group with retention), and `bind*`
// helpers set a resource's environment variable and its grant together, so a
// function can never see a resource it was not granted, or the reverse.
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, type NodejsFunctionProps } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { BUNDLE_ALIAS_ARGS, BUNDLE_AWS_SDK, ESM_REQUIRE_BANNER } from '../bundling.js';
import type { Access } from '../topology.js';

export interface DdsFunctionProps extends Pick<NodejsFunctionProps, 'entry' | 'description'> {
  memoryMb: number;
  timeoutSeconds: number;
  codeVersion: string;
}

export class DdsFunction extends NodejsFunction {
  constructor(scope: Construct, id: string, props: DdsFunctionProps) {
    const logGroup = new LogGroup(scope, `${id}Logs`, { retention: RetentionDays.THREE_MONTHS, removalPolicy: RemovalPolicy.DESTROY });
    super(scope, id, {
      entry: props.entry,
      description: props.description,
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMb,
      timeout: Duration.seconds(props.timeoutSeconds),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: id,
        POWERTOOLS_LOG_LEVEL: 'INFO',
        DDS_CODE_VERSION: props.codeVersion,
      },
      bundling: {
        format: OutputFormat.ESM,
        minify: true,
        sourceMap: true,
        // Stack traces need the mappings, not the sources: a third of the map, which
        // --enable-source-maps reads at every cold start (docs/performance.md).
        sourcesContent: false,
        target: 'node24',
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_BANNER,
        // The tested SDK version, bundled: it loads faster than the runtime's (infra/bundling.ts).
        bundleAwsSDK: BUNDLE_AWS_SDK,
        externalModules: BUNDLE_AWS_SDK ? [] : ['@aws-sdk/*'],
        // Modules replaced in every bundle, such as the credential chain (infra/bundling.ts).
        esbuildArgs: BUNDLE_ALIAS_ARGS,
      },
    });
  }

  bindTable(table: ITable, envVar: string, access: Access): this {
    this.addEnvironment(envVar, table.tableName);
    if (access === 'read') table.grantReadData(this);
    else if (access === 'write') table.grantWriteData(this);
    else table.grantReadWriteData(this);
    return this;
  }

  bindBucket(bucket: IBucket, envVar: string, access: Access): this {
    this.addEnvironment(envVar, bucket.bucketName);
    // Only what a reader needs: objects, and listing so a missing key is a 404 rather than access denied.
    // Reading and writing is that and putting (a copy reads its source), never deleting: grantReadWrite would.
    if (access !== 'write') {
      this.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }));
      this.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [bucket.bucketArn] }));
    }
    if (access !== 'read') bucket.grantPut(this);
    return this;
  }
}
