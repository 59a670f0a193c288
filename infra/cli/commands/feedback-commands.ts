// The feedback and maturity commands in the command table: each wraps the
// module that does the work with the stores and the CLI's way of refusing.
import type { ResourceName } from '../../topology.js';
import { text, type Command, type Values } from '../command.js';
import type { CommandContext } from '../context.js';
import { CheckError, UsageError } from '../errors.js';
import { InputError, OptionError, type CommandTarget } from './command-errors.js';
import { feedbackErase } from './feedback-erase.js';
import { feedbackOriginsAdd } from './feedback-origins-add.js';
import { maturityThemesImport } from './maturity-themes-import.js';

async function withTarget(ctx: CommandContext, work: (target: CommandTarget) => Promise<unknown>): Promise<void> {
  const { ddb, names } = await ctx.stores();
  try {
    await work({ ddb, names: names as Record<ResourceName, string> });
  } catch (err) {
    if (err instanceof OptionError) throw new UsageError(err.message);
    if (err instanceof InputError) throw new CheckError(err.message);
    throw err;
  }
}

const opts = (values: Values, ...names: string[]) => Object.fromEntries(names.map((n) => [n, text(values, n)]));

export const feedbackOriginsAddCommand: Command = {
  name: 'feedback origins add',
  synopsis: '--org <organisationId> --service <serviceId> --origin <https://…>',
  summary: 'let a web page on that origin post feedback for the service as JSON (CORS)',
  options: { org: { type: 'string' }, service: { type: 'string' }, origin: { type: 'string' } },
  run: (ctx, values) => withTarget(ctx, (t) => feedbackOriginsAdd(t, opts(values, 'org', 'service', 'origin'), ctx.out)),
};

export const feedbackEraseCommand: Command = {
  name: 'feedback erase',
  synopsis: '--org <organisationId> --service <serviceId> [--before <YYYY-MM-DD>]',
  summary: "erase a service's feedback comments at once (all, or those received before a day), and republish the reports that showed them",
  help: [
    'Every published committee report that showed one of the comments is republished without them, and the older versions of its files are deleted.',
    'If that fails halfway (a store unreachable), run the same command again: it finishes the republishing.',
    'With --aws the republished reports name DDS_CODE_VERSION as their code version (the version deployed).',
  ],
  options: { org: { type: 'string' }, service: { type: 'string' }, before: { type: 'string' } },
  async run(ctx, values) {
    const { codeVersion, today } = ctx.settings;
    // Checked before anything is erased: the reports that showed the comments must be republished.
    if (!codeVersion)
      throw new UsageError(
        "--aws feedback erase needs DDS_CODE_VERSION: the code version deployed, which the republished reports name (the stack's codeVersion context)",
      );
    const { ddb, s3, names } = await ctx.stores({ s3: true });
    try {
      await feedbackErase(
        { ddb, s3, names: names as Record<ResourceName, string>, codeVersion, today },
        opts(values, 'org', 'service', 'before'),
        ctx.out,
      );
    } catch (err) {
      if (err instanceof OptionError) throw new UsageError(err.message);
      throw err;
    }
  },
};

export const maturityThemesImportCommand: Command = {
  name: 'maturity themes import',
  synopsis: '<themes.csv>',
  summary: 'register the themes of the maturity self-scan (columns themeId, name, description)',
  options: {},
  positionals: { min: 1, max: 1, name: 'CSV file' },
  run: (ctx, _values, [file]) => withTarget(ctx, (t) => maturityThemesImport(t, { file: ctx.path(file!) }, ctx.out)),
};
