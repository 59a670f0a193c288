// The operators' command line: npm run dds -- <command>. It talks to the same
// endpoints as the local stack (the local defaults, or their variables).
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { documentClient, s3Client } from '../../shared/adapters/clients.js';
import { readFileSync } from 'node:fs';
import { dynamoEloketRegistry } from '../../shared/adapters/eloket-registry.js';
import { dynamoOrganisationRegistry } from '../../shared/adapters/organisation-registry.js';
import { dynamoKeyStore } from '../../shared/adapters/key-store.js';
import { parse } from 'csv-parse/sync';
import { organisationSchema, type Organisation } from '../../shared/domain/organisations.js';
import { readCountsCsv } from './counts-csv.js';
import { postWithProgress } from './upload.js';
import { s3ObjectStore } from '../../shared/adapters/object-store.js';
import { dynamoProjectionStore } from '../../shared/adapters/projection-store.js';
import { dynamoSubmissionStore } from '../../shared/adapters/submission-store.js';
import { parsePeriod } from '../../shared/domain/periods.js';
import { organisationIdSchema, ROLES, slugSchema, type Role } from '../../shared/domain/vocabulary.js';
import { rebuildProjections } from '../../shared/use-cases/project.js';
import { publishReports } from '../../functions/publish-report/publish.js';
import { localResourceName, localSettings } from '../local/settings.js';
import { resources, type ResourceName } from '../topology.js';
import type { ClientConfig } from '../../shared/adapters/clients.js';
import { dynamoFeedbackStrategyEvents } from '../../shared/adapters/feedback-store.js';
import { dynamoFeedbackStrategyProjections } from '../../shared/adapters/feedback-strategy-projections.js';
import { InputError, OptionError } from './commands/command-errors.js';
import { feedbackErase } from './commands/feedback-erase.js';
import { feedbackOriginsAdd } from './commands/feedback-origins-add.js';
import { maturityThemesImport } from './commands/maturity-themes-import.js';

const USAGE = `usage: npm run dds -- [--aws] <command>

  Without --aws the CLI talks to the local stack (npm start). With --aws it talks
  to the deployed tables and buckets named by CONTROL_TABLE, SUBMISSIONS_TABLE,
  PROJECTIONS_TABLE, PUBLIC_BUCKET and COMMITTEE_BUCKET, with your AWS credentials.

  keys create --role <role> [--org <organisationId> | --eloket <eloketId>] [--label <text>]
      issue an API key; roles: ${ROLES.join(', ')}. The key is printed once, alone on the last line.
  orgs import <file.csv>
      register organisations (columns organisationId, name, kind, policyDomain;
      kind: department, agency, local-government or other)
  eloketten add <eloketId> --name <name>
      register a thematic e-loket beside the four main ones
  eloketten list
      the e-loketten that may report service counts
  counts upload --period <period> [--eloket <eloketId>] <file.csv> [--key <key>] [--api <url>]
      check a CSV of service counts (columns organisationId, targetGroup, servicesOffered,
      click, call, connect, other; an empty channel is "no data") and post it as the
      e-loket's report for the period. The key comes from --key or DDS_API_KEY.
  feedback origins add --org <organisationId> --service <serviceId> --origin <https://…>
      let a web page on that origin post feedback for the service as JSON (CORS)
  feedback erase --org <organisationId> --service <serviceId> [--before <YYYY-MM-DD>]
      erase a service's feedback comments at once (all, or those received before a day)
  maturity themes import <themes.csv>
      register the themes of the maturity self-scan (columns themeId, name, description)
  rebuild
      recompute every projection from the stored submissions
  report --period <YYYY | YYYY-Qn | YYYY-MM>
      build and publish the public and committee reports of a period now
`;

class UsageError extends Error {}
/** The input was read and refused; the details are already printed. */
class CheckError extends Error {}

/** The deployed tables and buckets, named by the variables the functions use (from the stacks' outputs). */
function awsTarget(env: NodeJS.ProcessEnv): { clients: ClientConfig; names: Record<ResourceName, string> } {
  const names = {} as Record<ResourceName, string>;
  const missing: string[] = [];
  for (const n of Object.keys(resources) as ResourceName[]) {
    const value = env[resources[n].env];
    if (value) names[n] = value;
    else missing.push(resources[n].env);
  }
  if (missing.length > 0)
    throw new UsageError(`--aws needs ${missing.join(', ')} (the DdsMonitorStateful stack's outputs) and AWS credentials`);
  return {
    clients: { AWS_REGION: env.AWS_REGION ?? 'eu-west-1', AWS_ENDPOINT_URL_DYNAMODB: undefined, AWS_ENDPOINT_URL_S3: undefined },
    names,
  };
}

const localNames = (prefix: string) =>
  Object.fromEntries((Object.keys(resources) as ResourceName[]).map((n) => [n, localResourceName(n, prefix)])) as Record<
    ResourceName,
    string
  >;

export async function main(argv: string[], out: (line: string) => void = console.log): Promise<void> {
  const aws = argv.includes('--aws');
  if (aws) argv = argv.filter((a) => a !== '--aws');
  const [command, sub, ...rest] = argv;
  const s = localSettings();
  const { clients, names } = aws ? awsTarget(process.env) : { clients: s, names: localNames(s.DDS_RESOURCE_PREFIX) };
  const ddb = documentClient(clients);
  try {
    if (command === 'keys' && sub === 'create') {
      const { values } = parseArgs({
        args: rest,
        options: { role: { type: 'string' }, org: { type: 'string' }, eloket: { type: 'string' }, label: { type: 'string' } },
      });
      const role = values.role as Role | undefined;
      if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      if (role === 'service-provider' && !organisationIdSchema.safeParse(values.org).success)
        throw new UsageError('a service-provider key needs --org <organisationId> (2–64 letters, digits, ".", "_", "-")');
      if (role === 'eloket-operator' && !slugSchema.safeParse(values.eloket).success)
        throw new UsageError('an eloket-operator key needs --eloket <eloketId>');
      if (role !== 'service-provider' && values.org) throw new UsageError('--org belongs to service-provider keys only');
      if (role !== 'eloket-operator' && values.eloket) throw new UsageError('--eloket belongs to eloket-operator keys only');
      if (values.eloket) {
        const known = await dynamoEloketRegistry(ddb, names.control).list();
        if (!known.some((e) => e.id === values.eloket))
          throw new UsageError(
            `unknown e-loket "${values.eloket}"; known: ${known.map((e) => e.id).join(', ')} (register a thematic one with: eloketten add)`,
          );
      }
      const { key, principal } = await dynamoKeyStore(ddb, names.control).create({
        role,
        ...(values.org ? { organisationId: values.org } : {}),
        ...(values.eloket ? { eloketId: values.eloket } : {}),
        ...(values.label ? { label: values.label } : {}),
      });
      out(
        `key ${principal.keyId} created: role ${principal.role}${principal.organisationId ? `, organisation ${principal.organisationId}` : ''}${principal.eloketId ? `, e-loket ${principal.eloketId}` : ''}`,
      );
      out('store it now: only its hash is kept.');
      out(key);
      return;
    }
    if (command === 'orgs' && sub === 'import') {
      const file = rest[0];
      if (!file) throw new UsageError('name the CSV file');
      const records = parse(readFileSync(file, 'utf8'), {
        columns: true,
        bom: true,
        trim: true,
        skip_empty_lines: true,
        info: true,
      }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
      const orgs: Organisation[] = [];
      const problems: string[] = [];
      for (const { record, info } of records) {
        const r = organisationSchema.safeParse(record);
        if (r.success) orgs.push(r.data);
        else
          for (const issue of r.error.issues)
            problems.push(
              `${file}: line ${info.lines}${issue.path.length ? `, ${issue.path.join('.')}` : ''}: ${issue.code === 'unrecognized_keys' ? `unknown column(s) ${issue.keys.join(', ')}` : issue.message}`,
            );
      }
      if (problems.length > 0) {
        problems.forEach((p) => out(p));
        throw new CheckError(`${problems.length} problem(s) in ${file}; nothing was imported`);
      }
      await dynamoOrganisationRegistry(ddb, names.control).put(orgs);
      out(`${orgs.length} organisation(s) registered`);
      return;
    }
    if (command === 'eloketten' && sub === 'add') {
      const { values, positionals } = parseArgs({ args: rest, options: { name: { type: 'string' } }, allowPositionals: true });
      const id = positionals[0];
      if (!id || !slugSchema.safeParse(id).success) throw new UsageError('name the e-loket: lowercase letters, digits and "-"');
      if (!values.name) throw new UsageError('give the e-loket a --name');
      await dynamoEloketRegistry(ddb, names.control).register(id, values.name);
      out(`e-loket ${id} registered`);
      return;
    }
    if (command === 'eloketten' && sub === 'list') {
      for (const e of await dynamoEloketRegistry(ddb, names.control).list())
        out(`${e.id}\t${e.main ? 'hoofd-e-loket' : 'thematisch'}\t${e.name}`);
      return;
    }
    if (command === 'counts' && sub === 'upload') {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { period: { type: 'string' }, eloket: { type: 'string' }, key: { type: 'string' }, api: { type: 'string' } },
        allowPositionals: true,
      });
      const file = positionals[0];
      if (!file) throw new UsageError('name the CSV file');
      if (!values.period || !parsePeriod(values.period)) throw new UsageError('--period must be YYYY, YYYY-Qn or YYYY-MM');
      const key = values.key ?? process.env.DDS_API_KEY;
      if (!key) throw new UsageError('give the e-loket operator key with --key or DDS_API_KEY');
      const parsed = readCountsCsv(readFileSync(file, 'utf8'), values.period);
      if (!parsed.ok) {
        for (const p of parsed.problems) out(`${file}: ${p.path}: ${p.message}`);
        throw new CheckError(`${parsed.problems.length} problem(s) in ${file}; nothing was sent`);
      }
      out(`${file}: ${parsed.rows.length} rows checked, sending`);
      const api = values.api ?? `http://127.0.0.1:${s.PORT}`;
      const body = JSON.stringify({ ...(values.eloket ? { eloket: values.eloket } : {}), period: values.period, counts: parsed.rows });
      const res = await postWithProgress(
        `${api}/v1/service-counts`,
        { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body,
        parsed.rows.length,
      );
      if (res.status === 201 || res.status === 200) {
        const r = JSON.parse(res.body) as { reportId: string; version: number };
        out(
          `stored as version ${r.version} of the report for ${values.period} (report ${r.reportId})${r.version > 1 ? '; it replaces the earlier version' : ''}`,
        );
        return;
      }
      const err = JSON.parse(res.body) as { error?: { message?: string; details?: Array<{ path: string; message: string }> } };
      for (const d of err.error?.details ?? []) out(`${d.path}: ${d.message}`);
      throw new CheckError(`the API refused the report (${res.status}): ${err.error?.message ?? res.body}`);
    }
    // The feedback and maturity commands live in commands/, one module each.
    try {
      if (command === 'feedback' && sub === 'origins' && rest[0] === 'add') {
        const { values } = parseArgs({
          args: rest.slice(1),
          options: { org: { type: 'string' }, service: { type: 'string' }, origin: { type: 'string' } },
        });
        return await feedbackOriginsAdd({ ddb, names }, values, out);
      }
      if (command === 'feedback' && sub === 'erase') {
        const { values } = parseArgs({
          args: rest,
          options: { org: { type: 'string' }, service: { type: 'string' }, before: { type: 'string' } },
        });
        await feedbackErase({ ddb, names }, values, out);
        return;
      }
      if (command === 'maturity' && sub === 'themes' && rest[0] === 'import') {
        await maturityThemesImport({ ddb, names }, { file: rest[1] }, out);
        return;
      }
    } catch (err) {
      if (err instanceof OptionError) throw new UsageError(err.message);
      if (err instanceof InputError) throw new CheckError(err.message);
      throw err;
    }
    if (command === 'rebuild') {
      const result = await rebuildProjections({
        submissions: dynamoSubmissionStore(ddb, { submissions: names.submissions }),
        projections: dynamoProjectionStore(ddb, names.projections),
        feedback: {
          events: dynamoFeedbackStrategyEvents(ddb, { submissions: names.submissions }),
          projections: dynamoFeedbackStrategyProjections(ddb, names.projections),
        },
      });
      out(
        `rebuilt ${result.services} service projection(s) from ${result.assessments} assessment(s) and ${result.countsPeriods} e-loket period(s) from ${result.countsReports} counts report(s)`,
      );
      if (result.feedback)
        out(
          `rebuilt feedback of ${result.feedback.feedbackDays} day(s) and ${result.feedback.feedbackReports} provider report(s), ${result.feedback.maturityScans} maturity scan(s), ${result.feedback.statusChanges} status change(s)`,
        );
      return;
    }
    if (command === 'report') {
      const { values } = parseArgs({ args: [sub ?? '', ...rest].filter(Boolean), options: { period: { type: 'string' } } });
      if (!values.period || !parsePeriod(values.period)) throw new UsageError('--period must be YYYY, YYYY-Qn or YYYY-MM');
      const event = await publishReports(
        {
          projections: dynamoProjectionStore(ddb, names.projections),
          eloketten: dynamoEloketRegistry(ddb, names.control),
          organisations: dynamoOrganisationRegistry(ddb, names.control),
          objects: s3ObjectStore(s3Client(clients)),
          buckets: { publicReports: names.publicReports, committeeReports: names.committeeReports },
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
    if (typeof (err as { code?: unknown }).code === 'string' && (err as { code: string }).code.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(err as Error).message}\n\n${USAGE}`);
      process.exit(2);
    }
    if (err instanceof CheckError) {
      console.error(err.message);
      process.exit(1);
    }
    const e = err as Error & { name?: string };
    if (
      e.name === 'ResourceNotFoundException' ||
      /ECONNREFUSED|fetch failed/.test(String(e.message) + String((e as { cause?: unknown }).cause))
    ) {
      console.error('cannot reach the local store: start the stack first with `npm start` (or set AWS_ENDPOINT_URL_DYNAMODB)');
    } else console.error(e.message);
    process.exit(1);
  });
}
