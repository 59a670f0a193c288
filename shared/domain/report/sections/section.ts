// What a report section is: one module holds its figures (built from the
// period's selection), its place in the public and/or committee report, its
// HTML and its CSV files. The registry (./index.ts) lists the sections; the
// report model, the pages and the publisher only walk it.
import { html, type SafeHtml } from '../html.js';
import { csvChunks, type Cell } from '../csv.js';
import type { Period } from '../../periods.js';
import type { PeriodSelection } from '../period-selection.js';

export type Audience = 'public' | 'committee';

/** A section's place in each report that shows it: lower comes first on the page. */
export type Placement = { readonly public?: number; readonly committee?: number };

/** What every section of one report page knows besides its own figures. */
export interface PageContext {
  audience: Audience;
  period: Pick<Period, 'id' | 'kind' | 'start' | 'end'> & { label: string };
  asOf: string | null;
  codeVersion: string;
}

export interface SectionContext extends PageContext {
  /** the section's `<h2>`, with its id as the anchor */
  heading: SafeHtml;
}

/** What one column of a CSV file holds, for the CSVW metadata beside a public CSV (shared/domain/report/open-data.ts). */
export interface ColumnMeta {
  /** in Dutch, for the people who reuse the file */
  description: string;
  /** `double`: a ratio or score between 0 and 1, possibly written with an exponent */
  datatype: 'string' | 'integer' | 'double' | 'date';
  /** what one unit of a figure is (diensten, interacties, …) */
  unit?: string;
  /** the only values a code column takes */
  values?: readonly string[];
  /** a pattern a string column matches */
  format?: string;
  minimum?: number;
  maximum?: number;
  /** what an empty cell means in this column (every empty cell is no value: no data, or not applicable) */
  empty?: string;
}

export interface CsvMetadata {
  /** the table's title and what one row is, in Dutch */
  title: string;
  description: string;
  /** one entry per column of the header, by its name */
  columns: Readonly<Record<string, ColumnMeta>>;
}

export interface CsvFile<M> {
  /** the file name beside the report's index.html */
  name: string;
  header: readonly string[];
  /** an array, or rows made as the file is written (`eachRow`, for a file of every service) */
  rows(model: M, page: PageContext): Iterable<Cell[]>;
  /** required for a public CSV (test/unit/open-data.test.ts): its CSVW metadata is generated from it */
  metadata?: CsvMetadata;
}

export interface SectionDefinition<M, J extends object, P extends Placement> {
  /** the anchor of the section on the page */
  id: string;
  /** the Dutch heading */
  title: string | ((page: PageContext) => string);
  in: P;
  /** the section's figures, from the period's selection */
  model(selection: PeriodSelection): M;
  /**
   * Whether the period's reports show the section at all (a yearly section
   * for a quarter does not): its model says so. A section that does not apply
   * still gives its report.json fields (saying "not for this period"), but no
   * HTML and no CSV files. Without it, a section always applies.
   */
  applies?(model: M): boolean;
  /** the fields the section adds to report.json; a section without it publishes no figures of its own */
  json?(model: M): J;
  /** the section on the page: `html` escapes every value, so the section cannot forget to */
  html(model: M, context: SectionContext): SafeHtml;
  csv?: ReadonlyArray<CsvFile<M>>;
}

/** A section built for a period: its figures, ready to be rendered for either report. */
export interface BuiltSection<J extends object = object> {
  readonly section: Section;
  /** false: the period's pages and files leave the section out (its json stays) */
  readonly applies: boolean;
  readonly json: J;
  html(page: PageContext): SafeHtml;
  files(page: PageContext): ReportFile[];
}

/**
 * One file of a report: its text is made only when asked for, in pieces
 * (`chunks`, to write while it is made) or whole (`body`).
 */
export interface ReportFile {
  readonly name: string;
  chunks(): Iterable<string>;
  readonly body: string;
}

/** A file whose text is the pieces `chunks` gives, each time it is asked for. */
export function reportFile(name: string, chunks: () => Iterable<string>): ReportFile {
  return {
    name,
    chunks,
    get body() {
      return [...chunks()].join('');
    },
  };
}

/** A section with its model type closed over, so that sections of different figures share one registry. */
export interface Section<J extends object = object, P extends Placement = Placement> {
  readonly id: string;
  readonly in: P;
  /** the CSV files the section publishes, by name */
  readonly csvNames: readonly string[];
  /** the CSV files with their header and column metadata */
  readonly csvFiles: ReadonlyArray<{ name: string; header: readonly string[]; metadata?: CsvMetadata }>;
  heading(page: PageContext): SafeHtml;
  build(selection: PeriodSelection): BuiltSection<J>;
}

export function defineSection<M, J extends object = Record<never, never>, P extends Placement = Placement>(
  definition: SectionDefinition<M, J, P>,
): Section<J, P> {
  const { id, title } = definition;
  const section: Section<J, P> = {
    id,
    in: definition.in,
    csvNames: (definition.csv ?? []).map((f) => f.name),
    csvFiles: (definition.csv ?? []).map(({ name, header, metadata }) => ({ name, header, ...(metadata ? { metadata } : {}) })),
    heading: (page) => html`<h2 id="${id}">${typeof title === 'string' ? title : title(page)}</h2>`,
    build(selection) {
      const model = definition.model(selection);
      return {
        section,
        applies: definition.applies ? definition.applies(model) : true,
        json: definition.json ? definition.json(model) : ({} as J),
        html: (page) => definition.html(model, { ...page, heading: section.heading(page) }),
        files: (page) => (definition.csv ?? []).map((f) => reportFile(f.name, () => csvChunks(f.header, f.rows(model, page)))),
      };
    },
  };
  return section;
}
