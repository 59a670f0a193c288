// npm start: the whole pipeline on this machine, no AWS account needed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadDemo, storeIsEmpty } from './load-demo.js';
import { startLocalStack } from './local-stack.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { startBanner } from './banner.js';
import { localResourceName, localSettings } from './settings.js';

const { values } = parseArgs({ options: { 'no-demo': { type: 'boolean', default: false } }, allowPositionals: false });
const settings = localSettings();
const log = (m: string) => console.log(`[dds] ${m}`);

log(
  `starting DynamoDB Local on ${settings.AWS_ENDPOINT_URL_DYNAMODB} and s3rver on ${settings.AWS_ENDPOINT_URL_S3} (data in ${settings.dataDir})`,
);
const stack = await startLocalStack({
  settings,
  log,
  // A stand-in that cannot be kept running has stopped the stack: say so and exit.
  onFatal: (reason) => {
    console.error(`[dds] stopped: ${reason}`);
    process.exit(1);
  },
});

const shutdown = async (signal: string) => {
  log(`${signal}: stopping`);
  await stack.stop();
  process.exit(0);
};
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));

const demoKeys = join(settings.dataDir, 'demo-keys.json');
let keysNote = existsSync(demoKeys)
  ? `demo keys (admin, committee, one per provider and per e-loket) are in ${demoKeys}`
  : 'create keys with: npm run dds -- keys create --role <role> [--org <id> | --eloket <id>]';
if (!values['no-demo'] && (await storeIsEmpty(stack))) {
  log('empty store: loading the demo data set through the API');
  const demo = await loadDemo(stack, log);
  keysNote = `demo keys (admin, committee, one per provider and per e-loket) are in ${demo.keysFile}`;
}

// What was actually published (the publisher's records), not where it would be.
const published = (
  await dynamoProjectionStore(stack.doc, localResourceName('projections', settings.DDS_RESOURCE_PREFIX)).listReports()
).map((r) => r.payload.period);
console.log(startBanner({ apiUrl: stack.apiUrl, settings, published, keysNote, nextSchedules: stack.nextSchedules() }));
log('ready');
