import { existsSync, writeFileSync } from 'node:fs';
import { catalogFor, CATALOGS, CURRENT_CATALOG_VERSION } from '../../../shared/domain/catalog.js';
import { organisationIdSchema, slugSchema } from '../../../shared/domain/vocabulary.js';
import { text, type Command } from '../command.js';
import { assessmentTemplate } from '../csv/assessment-csv.js';
import type { Separator } from '../csv/read-csv.js';
import { CheckError, UsageError } from '../errors.js';

const SEPARATOR_NAMES: Record<string, Separator> = { ';': ';', semicolon: ';', ',': ',', comma: ',', tab: '\t' };

export const assessmentTemplateCommand: Command = {
  name: 'assessment template',
  synopsis: '--org <organisationId> --service <serviceId> [--out <file.csv>] [--separator <;|,|tab>] [--catalog <version>]',
  summary: 'write a spreadsheet (CSV) for an assessment: its fields first, then one row per criterion to answer',
  help: [
    'Fill in the value column of the fields and, for every criterion, answer ja, nee or nvt',
    '(or yes, no, not_applicable), an explanation for every nee, and plannedBy (YYYY-MM-DD) when it',
    'will be met. Then: npm run dds -- assessment upload <file.csv> --key <provider key>.',
    '--out        the file to write (default: print it); an existing file is never overwritten',
    '--separator  ";" (default: what Excel in a Belgian locale opens directly), "," or tab',
    `--catalog    the criteria's catalog version (default ${CURRENT_CATALOG_VERSION}; known: ${Object.keys(CATALOGS).join(', ')})`,
  ],
  options: {
    org: { type: 'string' },
    service: { type: 'string' },
    out: { type: 'string' },
    separator: { type: 'string' },
    catalog: { type: 'string' },
  },
  async run(ctx, values) {
    const org = text(values, 'org');
    const service = text(values, 'service');
    if (!organisationIdSchema.safeParse(org).success)
      throw new UsageError('--org <organisationId> is needed (2–64 letters, digits, ".", "_", "-")');
    if (!slugSchema.safeParse(service).success) throw new UsageError('--service <serviceId> is needed (lowercase letters, digits and "-")');
    const catalog = catalogFor(text(values, 'catalog') ?? CURRENT_CATALOG_VERSION);
    if (!catalog) throw new UsageError(`--catalog: unknown catalog version; known: ${Object.keys(CATALOGS).join(', ')}`);
    const separator = SEPARATOR_NAMES[text(values, 'separator') ?? ';'];
    if (!separator) throw new UsageError('--separator must be ";", "," or tab');
    const csv = assessmentTemplate({ organisationId: org!, serviceId: service!, catalog, separator });
    const out = text(values, 'out');
    if (!out) {
      ctx.out(csv.replace(/^\uFEFF/, '').replace(/\r\n$/, ''));
      return;
    }
    const path = ctx.path(out);
    if (existsSync(path)) throw new CheckError(`${path} exists already: name another --out (nothing was written)`);
    writeFileSync(path, csv);
    ctx.out(`wrote ${path}: the assessment's fields and ${catalog.criteria.length} criteria (catalog ${catalog.version}) to fill in`);
    ctx.out(`then: npm run dds -- assessment upload ${out} --key <the key of ${org}>`);
  },
};
