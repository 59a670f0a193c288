// What a report section is: one module holds its figures (built from the
// period's selection), its place in the public and/or committee report, its
// HTML and its CSV files. The registry (./index.ts) lists the sections; the
// report model, the pages and the publisher only walk it.
import { html, type SafeHtml } from '../html.js';
import { toCsv, type Cell } from '../csv.js';
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

export interface CsvFile<M> {
  /** the file name beside the report's index.html */
  name: string;
  header: readonly string[];
  rows(model: M, page: PageContext): Cell[][];
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
  files(page: PageContext): Array<{ name: string; body: string }>;
}

/** A section with its model type closed over, so that sections of different figures share one registry. */
export interface Section<J extends object = object, P extends Placement = Placement> {
  readonly id: string;
  readonly in: P;
  /** the CSV files the section publishes, by name */
  readonly csvNames: readonly string[];
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
    heading: (page) => html`<h2 id="${id}">${typeof title === 'string' ? title : title(page)}</h2>`,
    build(selection) {
      const model = definition.model(selection);
      return {
        section,
        applies: definition.applies ? definition.applies(model) : true,
        json: definition.json ? definition.json(model) : ({} as J),
        html: (page) => definition.html(model, { ...page, heading: section.heading(page) }),
        files: (page) => (definition.csv ?? []).map((f) => ({ name: f.name, body: toCsv(f.header, f.rows(model, page)) })),
      };
    },
  };
  return section;
}
