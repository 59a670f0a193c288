import { parsePeriod } from '../../../shared/domain/periods.js';
import { DdsApiError } from '../../../shared/client/dds-client.js';
import { apiClient, apiTarget, apiTargetIfKnown, checkApi, refusalOf, refused, trySending } from '../api.js';
import { plural, text, type Command } from '../command.js';
import { CSV_COLUMNS, readCountsCsv } from '../csv/counts-csv.js';
import { separatorName } from '../csv/read-csv.js';
import { CheckError, UsageError } from '../errors.js';
import { formatBody } from '../format-body.js';
import { printNotes, readInputFile } from '../input-file.js';
import { fetchWithProgress } from '../upload.js';

export const countsUpload: Command = {
  name: 'counts upload',
  synopsis: '--period <period> <file.csv> [--key <key>] [--eloket <eloketId>] [--api <url>] [--dry-run]',
  summary: "check a CSV of service counts whole, then post it as the e-loket's report for the period",
  help: [
    `columns: ${CSV_COLUMNS.join(', ')} (an empty channel is "no data", not 0)`,
    'As Excel writes it: "," ";" or tab as separator, UTF-8 with or without BOM, CRLF; numbers',
    'plain or in Flemish notation (48.210 is 48210). Every bad line is named; nothing is sent then.',
    '--period   YYYY, YYYY-Qn or YYYY-MM',
    '--key      the e-loket operator key (or DDS_API_KEY); the e-loket comes from the key',
    "--eloket   optional: the e-loket the report is for, as a check; refused unless it is the key's",
    '--api      the API address (default: http://127.0.0.1:$PORT locally, DDS_API_URL with --aws)',
    '--dry-run  check the file and print what would be sent, without sending',
  ],
  options: {
    period: { type: 'string' },
    eloket: { type: 'string' },
    key: { type: 'string' },
    api: { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  positionals: { min: 1, max: 1, name: 'CSV file' },
  async run(ctx, values, [file]) {
    const period = text(values, 'period');
    if (!period || !parsePeriod(period)) throw new UsageError('--period must be YYYY, YYYY-Qn or YYYY-MM');
    const dryRun = values['dry-run'] === true;
    const key = text(values, 'key') ?? ctx.settings.apiKey;
    if (!key && !dryRun) throw new UsageError('give the e-loket operator key with --key or DDS_API_KEY');
    // A dry run needs no API; it names the one it would use when it knows it.
    const api = dryRun ? apiTargetIfKnown(ctx, values) : apiTarget(ctx, values);

    const { text: csv } = readInputFile(ctx, file!);
    const parsed = readCountsCsv(csv, period);
    if (!parsed.ok) {
      for (const p of parsed.problems) ctx.out(`${file}: ${p.path}: ${p.message}`);
      throw new CheckError(`${parsed.problems.length} problem(s) in ${file}; nothing was sent`);
    }
    ctx.out(`${file}: ${plural(parsed.rows.length, 'row')} checked (separator: ${separatorName(parsed.separator)})`);
    printNotes(ctx, file!, parsed.notes);
    const eloket = text(values, 'eloket');
    const body = { ...(eloket ? { eloket } : {}), period, counts: parsed.rows };
    if (dryRun) {
      ctx.out(`dry run: would send POST ${api.url}/v1/service-counts with this body:`);
      ctx.out(formatBody(body));
      ctx.out('dry run: nothing was sent');
      return;
    }

    await checkApi(api);
    ctx.out(`sending to ${api.url}`);
    const answer = await trySending(api, 'send the file again', () =>
      apiClient(api, key, fetchWithProgress(parsed.rows.length, ctx.progress)).reportServiceCounts(body),
    );
    if (!(answer instanceof DdsApiError)) {
      const r = answer.body;
      const replaced = answer.status === 201 && r.version > 1 ? '; it replaces the earlier version' : '';
      const same = answer.status === 200 ? ' (the same as what was stored: nothing new)' : '';
      ctx.out(`stored as version ${r.version} of the report for ${period} (report ${r.reportId})${replaced}${same}`);
      if (r.overrides) {
        const { subPeriodsReported: n, derivedFrom } = r.overrides;
        const kind = derivedFrom === 'months' ? 'monthly' : 'quarterly';
        ctx.out(
          `${period}'s figures now come from this report, no longer from the ${plural(n, `${kind} report`)} stored inside it (those ${derivedFrom} keep their own figures)`,
        );
      }
      return;
    }
    refused(ctx, refusalOf(answer), (d) => {
      const m = /^counts\[(\d+)\](?:\.volumes)?(?:\.(\w+))?$/.exec(d.path);
      if (!m) return d;
      const line = parsed.lines[Number(m[1])];
      return { path: `${file}: line ${line ?? '?'}${m[2] ? `, ${m[2]}` : ''}`, message: d.message };
    });
  },
};
