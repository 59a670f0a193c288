// The registry of report sections. Adding a section is one module in this
// folder and one line here.
//
// The order of this list is the order of the fields in report.json (a new
// section appends its fields, so programs reading the file keep working) and
// of the CSV files; each section's `in` gives its place on each page.
import { actionPlanSection, statusNotesSection } from './action-plan.js';
import { agendaSection } from './agenda.js';
import { bandsSection } from './bands.js';
import { channelSection } from './channels.js';
import { commentsSection } from './comments.js';
import { criteriaSection } from './criteria.js';
import { dataQualitySection } from './data-quality.js';
import { eloketSection } from './eloketten.js';
import { explanationsSection } from './explanations.js';
import { goodValuesSection } from './good-values.js';
import { howToReadSection } from './how-to-read.js';
import { inReworkSection } from './in-rework.js';
import { keyFiguresSection } from './key-figures.js';
import { missingCountsSection } from './missing-counts.js';
import { operationalIndicatorsSection } from './operational-indicators.js';
import { overdueSection } from './overdue.js';
import { owingSection } from './owing.js';
import { providersSection } from './providers.js';
import { reworkedSection } from './reworked.js';
import { satisfactionSection } from './satisfaction.js';
import { servicesSection } from './services.js';
import { withoutPlanSection } from './without-plan.js';
import { yearDecisionListSection, yearDecisionsSection } from './year-decisions.js';
import type { Audience, Section } from './section.js';

export const SECTIONS = [
  bandsSection,
  reworkedSection,
  eloketSection,
  channelSection,
  servicesSection,
  explanationsSection,
  owingSection,
  criteriaSection,
  missingCountsSection,
  dataQualitySection,
  keyFiguresSection,
  howToReadSection,
  agendaSection,
  inReworkSection,
  overdueSection,
  // The operational indicators of actions 13 and 16.
  goodValuesSection,
  operationalIndicatorsSection,
  // The feedback instrument (actions 14 and 21), and the yearly report of seed §3.2 (a year's reports only).
  satisfactionSection,
  commentsSection,
  providersSection,
  withoutPlanSection,
  yearDecisionsSection,
  yearDecisionListSection,
  actionPlanSection,
  statusNotesSection,
] as const;

/** The sections one report shows. */
export type SectionOf<A extends Audience> = Extract<(typeof SECTIONS)[number], { in: Record<A, number> }>;

type JsonOf<S> = S extends Section<infer J> ? J : never;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The fields the sections of one report add to its report.json. */
export type SectionsJson<A extends Audience> = UnionToIntersection<JsonOf<SectionOf<A>>>;

export const isIn = (audience: Audience, section: Section): boolean => section.in[audience] !== undefined;
