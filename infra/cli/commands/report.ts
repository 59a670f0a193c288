import { parsePeriod } from '../../../shared/domain/periods.js';
import { publishReports } from '../../../shared/use-cases/publish-reports.js';
import { text, type Command } from '../command.js';
import { UsageError } from '../errors.js';
import { publishDepsOf } from '../publish-deps.js';

export const report: Command = {
  name: 'report',
  synopsis: '--period <YYYY | YYYY-Qn | YYYY-MM>',
  summary: 'build and publish the public and committee reports of a period now, and print where they are',
  help: ['With --aws the report names DDS_CODE_VERSION as its code version (the version deployed).'],
  options: { period: { type: 'string' } },
  async run(ctx, values) {
    const period = text(values, 'period');
    if (!period || !parsePeriod(period)) throw new UsageError('--period must be YYYY, YYYY-Qn or YYYY-MM');
    const { codeVersion, publicReportsBase, committeeReportsBase } = ctx.settings;
    if (!codeVersion)
      throw new UsageError(
        "--aws report needs DDS_CODE_VERSION: the code version deployed (the stack's codeVersion context; by default package.json's version)",
      );
    const stores = await ctx.stores({ s3: true });
    const event = await publishReports(publishDepsOf(stores, { codeVersion, today: ctx.settings.today }), period);
    const p = event.payload;
    ctx.out(
      `published the reports of ${p.period} (report ${p.reportId}, code version ${p.codeVersion}, data as of ${p.asOf ?? 'no submission yet'})`,
    );
    ctx.out('public:');
    for (const k of p.publicKeys) ctx.out(`  ${publicReportsBase}${k}`);
    ctx.out(`  index of every period: ${publicReportsBase}reports/`);
    ctx.out('committee (the committee key is the password):');
    for (const k of p.committeeKeys) ctx.out(`  ${committeeReportsBase}${k}`);
  },
};
