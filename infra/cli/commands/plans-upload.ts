import { DdsApiError } from '../../../shared/client/dds-client.js';
import { apiClient, apiTarget, apiTargetIfKnown, checkApi, refusalOf, refused, trySending } from '../api.js';
import { plural, text, type Command } from '../command.js';
import { PLAN_COLUMNS, readPlanCsv } from '../csv/plan-csv.js';
import { separatorName } from '../csv/read-csv.js';
import { CheckError, UsageError } from '../errors.js';
import { formatBody } from '../format-body.js';
import { printNotes, readInputFile } from '../input-file.js';

export const plansUpload: Command = {
  name: 'plans upload',
  synopsis: '--year <YYYY> --org <organisationId> <file.csv> [--key <key>] [--api <url>] [--dry-run]',
  summary: "check a CSV of the organisation's yearly plan whole, then post it (a new plan for the same year replaces it)",
  help: [
    `columns: ${PLAN_COLUMNS.join(', ')}`,
    'kind: new or rework (nieuw, vernieuwing); targetGroups: burgers, ondernemers, verenigingen, lokale-besturen (comma-separated);',
    'dates YYYY-MM-DD or day/month/year; budgetEur and expectedUsers optional, plain or in Flemish notation; goLiveOn optional.',
    'As Excel writes it: "," ";" or tab as separator, UTF-8 with or without BOM, CRLF. Every bad line is named; nothing is sent then.',
    '--year     the year the plan covers (this year or the next)',
    '--org      the organisation (the key must be of this organisation)',
    '--key      the service provider key (or DDS_API_KEY)',
    '--dry-run  check the file and print what would be sent, without sending',
  ],
  options: {
    year: { type: 'string' },
    org: { type: 'string' },
    key: { type: 'string' },
    api: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, name: 'CSV file' },
  async run(ctx, values, [file]) {
    const year = Number(text(values, 'year'));
    if (!/^\d{4}$/.test(text(values, 'year') ?? '')) throw new UsageError('--year must be a year, such as 2027');
    const organisationId = text(values, 'org');
    if (!organisationId) throw new UsageError('--org must name the organisation of the plan');
    const dryRun = values['dry-run'] === true;
    const key = text(values, 'key') ?? ctx.settings.apiKey;
    if (!key && !dryRun) throw new UsageError('give the service provider key with --key or DDS_API_KEY');
    const api = dryRun ? apiTargetIfKnown(ctx, values) : apiTarget(ctx, values);

    const { text: csv } = readInputFile(ctx, file!);
    const parsed = readPlanCsv(csv, { organisationId, year, today: ctx.settings.today });
    if (!parsed.ok) {
      for (const p of parsed.problems) ctx.out(`${file}: ${p.path}: ${p.message}`);
      throw new CheckError(`${parsed.problems.length} problem(s) in ${file}; nothing was sent`);
    }
    ctx.out(
      `${file}: the plan of ${organisationId} for ${year}, ${plural(parsed.body.services.length, 'service')} checked (separator: ${separatorName(parsed.separator)})`,
    );
    printNotes(ctx, file!, parsed.notes);
    if (dryRun) {
      ctx.out(`dry run: would send POST ${api.url}/v1/plans with this body:`);
      ctx.out(formatBody(parsed.body));
      ctx.out('dry run: nothing was sent');
      return;
    }
    await checkApi(api);
    const answer = await trySending(api, 'send the file again', () => apiClient(api, key).submitPlan(parsed.body));
    if (!(answer instanceof DdsApiError)) {
      const r = answer.body;
      ctx.out(
        `stored as version ${r.version} of the plan of ${organisationId} for ${year} (plan ${r.planId})${r.version > 1 ? '; it replaces the earlier version' : ''}`,
      );
      return;
    }
    refused(ctx, refusalOf(answer), (d) => {
      const m = /^services\[(\d+)\](?:\.(\w+))?/.exec(d.path);
      if (!m) return d;
      return { path: `${file}: line ${parsed.lines[Number(m[1])] ?? '?'}${m[2] ? `, ${m[2]}` : ''}`, message: d.message };
    });
  },
};
