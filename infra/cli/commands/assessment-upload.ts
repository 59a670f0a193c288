import { createHash } from 'node:crypto';
import { DdsApiError } from '../../../shared/client/dds-client.js';
import { apiClient, apiTarget, apiTargetIfKnown, checkApi, refusalOf, refused, trySending } from '../api.js';
import { text, type Command } from '../command.js';
import { ANSWER_WORDS, locate, readAssessmentCsv } from '../csv/assessment-csv.js';
import { separatorName } from '../csv/read-csv.js';
import { CheckError, UsageError } from '../errors.js';
import { formatBody } from '../format-body.js';
import { printNotes, readInputFile } from '../input-file.js';

const percent = (n: number | null | undefined) => (n === null || n === undefined ? 'n/a' : `${Math.round(n * 100)}%`);

export const assessmentUpload: Command = {
  name: 'assessment upload',
  synopsis: '<file.csv> [--key <key>] [--api <url>] [--dry-run]',
  summary: 'check a filled-in assessment template whole, then post it as the assessment',
  help: [
    `Every criterion answered (${ANSWER_WORDS}), every nee explained; every bad line is named`,
    'and nothing is sent then. Sending the same file again stores nothing new.',
    '--key      the service provider key of the organisation (or DDS_API_KEY)',
    '--api      the API address (default: http://127.0.0.1:$PORT locally, DDS_API_URL with --aws)',
    '--dry-run  check the file and print what would be sent, without sending',
  ],
  options: { key: { type: 'string' }, api: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  positionals: { min: 1, max: 1, name: 'CSV file' },
  async run(ctx, values, [file]) {
    const dryRun = values['dry-run'] === true;
    const key = text(values, 'key') ?? ctx.settings.apiKey;
    if (!key && !dryRun) throw new UsageError('give the service provider key with --key or DDS_API_KEY');
    // A dry run needs no API; it names the one it would use when it knows it.
    const api = dryRun ? apiTargetIfKnown(ctx, values) : apiTarget(ctx, values);

    const { text: csv } = readInputFile(ctx, file!);
    const parsed = readAssessmentCsv(csv, { today: ctx.settings.today });
    if (!parsed.ok) {
      for (const p of parsed.problems) ctx.out(`${file}: ${p.path}: ${p.message}`);
      throw new CheckError(`${parsed.problems.length} problem(s) in ${file}; nothing was sent`);
    }
    const { body } = parsed;
    ctx.out(
      `${file}: ${body.phase} assessment of ${body.organisationId}/${body.serviceId} on ${body.assessedOn}, ${body.answers.length} criteria checked (separator: ${separatorName(parsed.separator)})`,
    );
    printNotes(ctx, file!, parsed.notes);
    const json = JSON.stringify(body);
    if (dryRun) {
      ctx.out(`dry run: would send POST ${api.url}/v1/assessments with this body:`);
      ctx.out(formatBody(body));
      ctx.out('dry run: nothing was sent');
      return;
    }

    await checkApi(api);
    // The same file sent again is a replay, not a second assessment (design §3: Idempotency-Key).
    const idempotencyKey = `csv-${createHash('sha256').update(json).digest('hex').slice(0, 40)}`;
    const answer = await trySending(api, 'send the file again (it is stored once)', () =>
      apiClient(api, key).submitAssessment(body, { idempotencyKey }),
    );
    if (!(answer instanceof DdsApiError)) {
      const r = answer.body;
      const scores = Object.entries(r.scores)
        .map(([p, s]) => `${p} ${percent(s.all)}`)
        .join(', ');
      ctx.out(
        answer.status === 201
          ? `stored as assessment ${r.assessmentId} (significant: ${String(r.significant)}); scores: ${scores}`
          : `already stored: this file was sent before (assessment ${r.assessmentId}); nothing new was stored`,
      );
      return;
    }
    refused(ctx, refusalOf(answer), (d) => {
      const p = locate(d, parsed.lineOfAnswer, parsed.lineOfField);
      return { path: `${file}: ${p.path}`, message: p.message };
    });
  },
};
