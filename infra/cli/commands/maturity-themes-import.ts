// npm run dds -- maturity themes import <themes.csv>
// Registers the themes of the maturity self-scan (columns themeId, name and,
// optionally, description). The whole file is checked first; a registered
// theme is replaced; nothing is stored when a line is wrong.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { maturityThemeSchema, type MaturityTheme } from '../../../shared/domain/strategy/maturity.js';
import { dynamoMaturityThemes } from '../../../shared/adapters/maturity-themes.js';
import { InputError, OptionError, type CommandTarget } from './command-errors.js';

export async function maturityThemesImport(
  target: CommandTarget,
  options: { file?: string | undefined },
  out: (line: string) => void,
): Promise<number> {
  const file = options.file;
  if (!file) throw new OptionError('name the CSV file');
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(readFileSync(file, 'utf8'), {
      columns: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
    }) as typeof records;
  } catch (err) {
    throw new InputError(`${file}: ${(err as Error).message}; nothing was imported`);
  }
  const themes: MaturityTheme[] = [];
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records) {
    const r = maturityThemeSchema.safeParse(
      Object.fromEntries(Object.entries(record).filter(([k, v]) => !(k === 'description' && v === ''))),
    );
    if (!r.success) {
      for (const issue of r.error.issues)
        problems.push(
          `${file}: line ${info.lines}${issue.path.length ? `, ${issue.path.join('.')}` : ''}: ${issue.code === 'unrecognized_keys' ? `unknown column(s) ${issue.keys.join(', ')}; the columns are themeId, name, description` : issue.message}`,
        );
      continue;
    }
    const first = seen.get(r.data.themeId);
    if (first !== undefined) problems.push(`${file}: line ${info.lines}: theme ${r.data.themeId} is already on line ${first}`);
    else seen.set(r.data.themeId, info.lines);
    themes.push(r.data);
  }
  if (themes.length === 0 && problems.length === 0) problems.push(`${file}: no themes in the file`);
  if (problems.length > 0) {
    problems.forEach((p) => out(p));
    throw new InputError(`${problems.length} problem(s) in ${file}; nothing was imported`);
  }
  await dynamoMaturityThemes(target.ddb, target.names.control).put(themes);
  out(`${themes.length} maturity theme(s) registered`);
  return themes.length;
}
