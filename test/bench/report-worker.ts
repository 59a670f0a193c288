// Runs in its own process, as the report Lambda would: reads the projections,
// or builds and publishes both reports, and prints its time and peak memory.
import { randomUUID } from 'node:crypto';
import { documentClient, s3Client } from '../../shared/adapters/clients.js';
import { functionConfig } from '../../shared/adapters/config.js';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { s3ObjectStore } from '../../shared/adapters/object-store.js';
import { dynamoOrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { publishReports } from '../../functions/publish-report/publish.js';

const mode = process.argv[2];
const period = process.argv[3] ?? '2026-Q3';
const config = functionConfig('publishReport');
const ddb = documentClient(config);
const projections = dynamoProjectionStore(ddb, config.resources.projections);
const eloketten = dynamoEloketRegistry(ddb, config.resources.control);

const started = performance.now();
if (mode === 'read') {
  const services = await projections.listServices();
  const counts = await Promise.all((await eloketten.list()).map((e) => projections.listCounts(e.id)));
  void services.length;
  void counts.length;
} else {
  await publishReports(
    {
      projections,
      eloketten,
      organisations: dynamoOrganisationRegistry(ddb, config.resources.control),
      objects: s3ObjectStore(s3Client(config)),
      buckets: config.resources,
      codeVersion: 'bench',
      newId: randomUUID,
      now: () => new Date(),
    },
    period,
  );
}
const ms = performance.now() - started;
console.log(JSON.stringify({ ms, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
