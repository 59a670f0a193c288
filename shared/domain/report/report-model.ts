// The period's two reports, the public transparency report and the steering
// committee's, built from one selection by walking the section registry. Pure
// and deterministic: the same data gives the same figures, in the same order.
import { periodLabel } from './labels.js';
import { selectPeriod, type PeriodSelection, type ReportInput } from './period-selection.js';
import { SECTIONS, isIn, type SectionsJson } from './sections/index.js';
import type { Audience, BuiltSection, PageContext } from './sections/section.js';

export type { EloketInput, ReportInput } from './period-selection.js';

/** The first fields of every report.json: what the report covers and what it was built from. */
export interface ReportHeader<A extends Audience> {
  kind: A;
  period: PageContext['period'];
  /** the newest submission the report rests on; null when there is none */
  asOf: string | null;
  codeVersion: string;
}

/** A report's report.json: its header, then the fields of its sections in registry order. */
export type ReportJson<A extends Audience> = ReportHeader<A> & SectionsJson<A>;
export type PublicReport = ReportJson<'public'>;
export type CommitteeReport = ReportJson<'committee'>;

export interface Report<A extends Audience> {
  page: PageContext & { audience: A };
  json: ReportJson<A>;
  /** the report's sections that apply to the period, in registry order (its pages and files) */
  sections: BuiltSection[];
}

export interface Reports {
  public: Report<'public'>;
  committee: Report<'committee'>;
}

function assemble<A extends Audience>(selection: PeriodSelection, built: readonly BuiltSection[], audience: A): Report<A> {
  const { period } = selection;
  const page = {
    audience,
    period: { id: period.id, kind: period.kind, start: period.start, end: period.end, label: periodLabel(period.id) },
    asOf: selection.asOf,
    codeVersion: selection.codeVersion,
  };
  const mine = built.filter((b) => isIn(audience, b.section));
  const header: ReportHeader<A> = { kind: audience, period: page.period, asOf: page.asOf, codeVersion: page.codeVersion };
  // Every section of the audience gives its fields, so report.json keeps one shape for every period;
  // a section that does not apply to the period (a yearly one for a quarter) says so there, and is left off the page.
  const json = Object.assign(header, ...mine.map((b) => b.json)) as ReportJson<A>;
  return { page, json, sections: mine.filter((b) => b.applies) };
}

export function buildReports(input: ReportInput): Reports {
  const selection = selectPeriod(input);
  // Each section's figures are built once and shared by both reports.
  const built = SECTIONS.map((s) => s.build(selection));
  return { public: assemble(selection, built, 'public'), committee: assemble(selection, built, 'committee') };
}
