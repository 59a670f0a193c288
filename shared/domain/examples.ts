// The request bodies the OpenAPI document shows and the README posts: complete
// and valid, so that a pasted example works (test/unit/openapi-examples.test.ts
// and test/e2e/readme-examples.test.ts check both). Data only.
import { CATALOGS, CURRENT_CATALOG_VERSION } from './catalog.js';

/** One `no` (explained, with the date it will be met), one `not_applicable` (explained), every other criterion `yes`. */
const EXCEPTIONS: Readonly<Record<string, { answer: 'no' | 'not_applicable'; explanation: string; plannedBy?: string }>> = {
  'SD-G2': { answer: 'no', explanation: 'Papieren aanvraag blijft nodig tot 2027.', plannedBy: '2027-06-30' },
  'DG-G7': { answer: 'not_applicable', explanation: 'De aanvraag bevat geen gegevens die de aanvrager aan anderen kan overdragen.' },
};

/** A complete minimal assessment: every criterion of the catalog answered once; optional fields left out. */
export const EXAMPLE_ASSESSMENT = {
  organisationId: 'OVO000123',
  serviceId: 'omgevingsvergunning',
  phase: 'pre',
  catalogVersion: CURRENT_CATALOG_VERSION,
  assessedOn: '2026-10-01',
  service: { name: 'Omgevingsvergunning aanvragen', targetGroups: ['burgers', 'ondernemers'], budgetEur: 750000, expectedUsers: 90000 },
  answers: CATALOGS[CURRENT_CATALOG_VERSION]!.criteria.map((c) => ({
    criterionId: c.id,
    ...(EXCEPTIONS[c.id] ?? { answer: 'yes' as const }),
  })),
} as const;

export const EXAMPLE_SERVICE_COUNTS = {
  period: '2026-Q3',
  counts: [
    { organisationId: 'OVO000123', targetGroup: 'burgers', servicesOffered: 12, volumes: { click: 48210, call: 5120, connect: 830 } },
    { organisationId: 'OVO000124', targetGroup: 'ondernemers', servicesOffered: 3, volumes: { click: 1500 } },
  ],
} as const;

export const EXAMPLE_PLAN = {
  organisationId: 'OVO000123',
  year: 2027,
  services: [
    {
      serviceId: 'omgevingsvergunning',
      kind: 'rework',
      name: 'Omgevingsvergunning aanvragen',
      targetGroups: ['burgers', 'ondernemers'],
      budgetEur: 750000,
      expectedUsers: 90000,
      startsOn: '2027-01-15',
      goLiveOn: '2027-09-01',
    },
  ],
} as const;

export const EXAMPLE_DECISION = {
  assessmentId: '3f0c2a8e-6b1d-4e52-9a7f-0d4c1b2e3a45',
  decision: 'derogation',
  criteria: ['SD-G2'],
  until: '2027-06-30',
  note: 'Papieren aanvraag blijft toegestaan tot de nieuwe toepassing live is.',
} as const;
