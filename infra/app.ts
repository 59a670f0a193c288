// The CDK app: a stateful stack (tables, buckets) and a stateless one (API,
// functions, stream mappings, schedules, CDN), both from infra/topology.ts,
// checked by cdk-nag.
import { readFileSync } from 'node:fs';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StatefulStack } from './stacks/stateful-stack.js';
import { StatelessStack } from './stacks/stateless-stack.js';

export function buildApp(app: App = new App()): { app: App; stateful: StatefulStack; stateless: StatelessStack } {
  // Lock in strong cross-stack references: the stateless stack may not outlive what it uses.
  if (app.node.tryGetContext('@aws-cdk/core:defaultCrossStackReferences') === undefined)
    app.node.setContext('@aws-cdk/core:defaultCrossStackReferences', 'strong');
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  const codeVersion = (app.node.tryGetContext('codeVersion') as string | undefined) ?? pkg.version;
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION ?? 'eu-west-1' };
  const stateful = new StatefulStack(app, 'DdsMonitorStateful', {
    env,
    codeVersion,
    description: 'dds-monitor: tables and report buckets',
  });
  const stateless = new StatelessStack(app, 'DdsMonitorStateless', {
    env,
    stateful,
    codeVersion,
    description: 'dds-monitor: API, functions, stream and schedules',
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  return { app, stateful, stateless };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildApp().app.synth();
}
