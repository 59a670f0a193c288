import { dynamoOrganisationRegistry } from '../../../shared/adapters/organisation-registry.js';
import { ORGANISATION_KINDS, organisationSchema, type Organisation } from '../../../shared/domain/organisations.js';
import type { Command } from '../command.js';
import { CsvSyntaxError, detectSeparator, readCsvRecords } from '../csv/read-csv.js';
import { CheckError } from '../errors.js';
import { readInputFile } from '../input-file.js';

const COLUMNS = ['organisationId', 'name', 'kind', 'policyDomain'];

export const orgsImport: Command = {
  name: 'orgs import',
  synopsis: '<file.csv>',
  summary: `register organisations (columns ${COLUMNS.join(', ')}; kind: ${ORGANISATION_KINDS.join(', ')})`,
  help: ['The separator may be ",", ";" or a tab; a registered organisation is replaced.'],
  options: {},
  positionals: { min: 1, max: 1, name: 'CSV file' },
  async run(ctx, _values, [file]) {
    const { text } = readInputFile(ctx, file!);
    let records;
    try {
      records = readCsvRecords(text, detectSeparator(text, COLUMNS));
    } catch (err) {
      if (err instanceof CsvSyntaxError) throw new CheckError(`${file}: ${err.message}; nothing was imported`);
      throw err;
    }
    const [head, ...rows] = records;
    const header = head?.cells ?? [];
    const orgs: Organisation[] = [];
    const problems: string[] = [];
    for (const { cells, line } of rows) {
      const record = Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
      const r = organisationSchema.safeParse(record);
      if (r.success) orgs.push(r.data);
      else
        for (const issue of r.error.issues)
          problems.push(
            `${file}: line ${line}${issue.path.length ? `, ${issue.path.join('.')}` : ''}: ${issue.code === 'unrecognized_keys' ? `unknown column(s) ${issue.keys.join(', ')}; the columns are ${COLUMNS.join(', ')}` : issue.message}`,
          );
    }
    if (problems.length > 0) {
      problems.forEach((p) => ctx.out(p));
      throw new CheckError(`${problems.length} problem(s) in ${file}; nothing was imported`);
    }
    const { ddb, names } = await ctx.stores();
    await dynamoOrganisationRegistry(ddb, names.control).put(orgs);
    ctx.out(`${orgs.length} organisation(s) registered`);
  },
};
