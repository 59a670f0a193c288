// The operators' command line: npm run dds -- <command>. It talks to the same
// endpoints as the local stack (the local defaults, or their variables).
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { dynamoClient, s3Client } from '../../shared/adapters/clients.js';
import { dynamoKeyStore } from '../../shared/adapters/key-store.js';
import { s3ObjectStore } from '../../shared/adapters/object-store.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { parsePeriod } from '../../shared/domain/periods.js';
import { organisationIdSchema, ROLES, slugSchema, type Role } from '../../shared/domain/vocabulary.js';
import { rebuildProjections } from '../../functions/projector/rebuild.js';
import { publishReports } from '../../functions/publish-report/publish.js';
import { localResourceName, localSettings } from '../local/settings.js';

const USAGE = `usage: npm run dds -- <command>

  keys create --role <role> [--org <organisationId> | --eloket <eloketId>] [--label <text>]
      issue an API key; roles: ${ROLES.join(', ')}. The key is printed once, alone on the last line.
  rebuild
      recompute every projection from the stored submissions
  report --period <YYYY | YYYY-Qn | YYYY-MM>
      build and publish the public and committee reports of a period now
`;

class UsageError extends Error {}

export async function main(argv: string[], out: (line: string) => void = console.log): Promise<void> {
  const [command, sub, ...rest] = argv;
  const s = localSettings();
  const base = { AWS_REGION: s.AWS_REGION, AWS_ENDPOINT_URL_DYNAMODB: s.AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3: s.AWS_ENDPOINT_URL_S3, DDS_CODE_VERSION: s.DDS_CODE_VERSION };
  const ddb = dynamoClient(base);
  try {
    if (command === 'keys' && sub === 'create') {
      const { values } = parseArgs({ args: rest, options: { role: { type: 'string' }, org: { type: 'string' }, eloket: { type: 'string' }, label: { type: 'string' } } });
      const role = values.role as Role | undefined;
      if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      if (role === 'service-provider' && !organisationIdSchema.safeParse(values.org).success) throw new UsageError('a service-provider key needs --org <organisationId> (2–64 letters, digits, ".", "_", "-")');
      if (role === 'eloket-operator' && !slugSchema.safeParse(values.eloket).success) throw new UsageError('an eloket-operator key needs --eloket <eloketId>');
      if (role !== 'service-provider' && values.org) throw new UsageError('--org belongs to service-provider keys only');
      if (role !== 'eloket-operator' && values.eloket) throw new UsageError('--eloket belongs to eloket-operator keys only');
      const { key, principal } = await dynamoKeyStore(ddb, localResourceName('control', s.DDS_RESOURCE_PREFIX)).create({
        role,
        ...(values.org ? { organisationId: values.org } : {}),
        ...(values.eloket ? { eloketId: values.eloket } : {}),
        ...(values.label ? { label: values.label } : {}),
      });
      out(`key ${principal.keyId} created: role ${principal.role}${principal.organisationId ? `, organisation ${principal.organisationId}` : ''}${principal.eloketId ? `, e-loket ${principal.eloketId}` : ''}`);
      out('store it now: only its hash is kept.');
      out(key);
      return;
    }
    if (command === 'rebuild') {
      const result = await rebuildProjections({
        submissions: dynamoSubmissionStore(ddb, { submissions: localResourceName('submissions', s.DDS_RESOURCE_PREFIX) }),
        projections: dynamoProjectionStore(ddb, localResourceName('projections', s.DDS_RESOURCE_PREFIX)),
      });
      out(`rebuilt ${result.services} service projection(s) from ${result.assessments} assessment(s)`);
      return;
    }
    if (command === 'report') {
      const { values } = parseArgs({ args: [sub ?? '', ...rest].filter(Boolean), options: { period: { type: 'string' } } });
      if (!values.period || !parsePeriod(values.period)) throw new UsageError('--period must be YYYY, YYYY-Qn or YYYY-MM');
      const event = await publishReports(
        {
          projections: dynamoProjectionStore(ddb, localResourceName('projections', s.DDS_RESOURCE_PREFIX)),
          objects: s3ObjectStore(s3Client(base)),
          buckets: { publicReports: localResourceName('publicReports', s.DDS_RESOURCE_PREFIX), committeeReports: localResourceName('committeeReports', s.DDS_RESOURCE_PREFIX) },
          codeVersion: s.DDS_CODE_VERSION,
          newId: randomUUID,
          now: () => new Date(),
        },
        values.period,
      );
      out(`published ${[...event.payload.publicKeys, ...event.payload.committeeKeys].join(', ')}`);
      return;
    }
    throw new UsageError(command ? `unknown command: ${[command, sub].filter(Boolean).join(' ')}` : 'no command given');
  } finally {
    ddb.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    const e = err as Error & { name?: string };
    if (e.name === 'ResourceNotFoundException' || /ECONNREFUSED|fetch failed/.test(String(e.message) + String((e as { cause?: unknown }).cause))) {
      console.error('cannot reach the local store: start the stack first with `npm start` (or set AWS_ENDPOINT_URL_DYNAMODB)');
    } else console.error(e.message);
    process.exit(1);
  });
}
