// npm run dds -- indicators import <indicators.csv> [--version YYYY-MM or YYYY-MM-DD] [--dry-run]
// The committee adds operational indicators (action 16) as a new version of
// the catalog: the whole file is checked against every published version
// first, every cell of every row on its own; a change to a published
// indicator, an unknown criterion or any other mistake refuses the file, every
// problem named at once on its line and column, and nothing is stored.
import { dynamoIndicatorCatalogStore } from '../../../shared/adapters/indicator-catalog-store.js';
import { IMPORT_COLUMNS, type ImportRow } from '../../../shared/domain/operational/catalog-import.js';
import { importIndicatorCatalog } from '../../../shared/use-cases/indicator-catalog.js';
import { text, type Command } from '../command.js';
import { CsvSyntaxError, detectSeparator, readCsvRecords } from '../csv/read-csv.js';
import { CheckError } from '../errors.js';
import { readInputFile } from '../input-file.js';

export const indicatorsImport: Command = {
  name: 'indicators import',
  synopsis: '<indicators.csv> [--version <YYYY-MM or YYYY-MM-DD>] [--dry-run]',
  summary: `publish a new version of the operational-indicator catalog (columns ${IMPORT_COLUMNS.join(', ')})`,
  help: [
    'One indicator a row. kind: count (fewer is better; scale lowest-highest, e.g. 1-1000; good: the most that is still good),',
    'yesno (no scale), or level (scale: the levels lowest first, separated by |, e.g. A1|A2|B1; better: lower or higher;',
    'good: the worst level that is still good). criteria: the criteria it informs (SD-G1 …), separated by spaces.',
    'The new version holds every indicator of the latest one; a row may repeat one as it is, never change it.',
    '--version: the month or day the version was agreed, YYYY-MM or YYYY-MM-DD, not after today; it defaults to this month',
    '(or today, when this month has a version already). The separator may be ",", ";" or a tab.',
  ],
  options: { version: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  positionals: { min: 1, max: 1, name: 'CSV file' },
  async run(ctx, values, [file]) {
    const { text: csv } = readInputFile(ctx, file!);
    let records;
    try {
      records = readCsvRecords(csv, detectSeparator(csv, IMPORT_COLUMNS));
    } catch (err) {
      if (err instanceof CsvSyntaxError) throw new CheckError(`${file}: ${err.message}; nothing was stored`);
      throw err;
    }
    const [head, ...rest] = records;
    const columns = head?.cells ?? [];
    const rows: ImportRow[] = rest.map(({ line, cells }) => ({
      line,
      cells: Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])),
    }));
    const dryRun = values['dry-run'] === true;
    const { ddb, names } = await ctx.stores();
    const outcome = await importIndicatorCatalog(
      { store: dynamoIndicatorCatalogStore(ddb, names.control), today: () => ctx.settings.today },
      rows,
      { version: text(values, 'version'), columns, dryRun },
    );
    if (outcome.kind === 'refused') {
      for (const p of outcome.problems)
        ctx.out(`${file}: ${p.line !== undefined ? `line ${p.line}${p.column ? `, ${p.column}` : ''}: ` : ''}${p.message}`);
      throw new CheckError(`${outcome.problems.length} problem(s) in ${file}; nothing was stored`);
    }
    if (outcome.kind === 'unchanged') {
      ctx.out(`version ${outcome.catalog.version} holds every indicator of ${file} already: nothing new was stored`);
      return;
    }
    const { catalog, added } = outcome;
    ctx.out(
      `${dryRun ? 'would publish' : 'published'} indicator catalog version ${catalog.version} (${catalog.indicators.length} indicators; new: ${added.join(', ')})`,
    );
  },
};
