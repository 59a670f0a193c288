import { buildReports } from '../shared/domain/report/report-model.js';
import { reportPage } from '../shared/domain/report/pages.js';
import { reportInput, formMonth, aggregateOf, formComment, statusChange, reportAssessments, stored, big } from '../test/support/report-input.js';
const input = reportInput({
  periodId: '2026',
  assessments: [
    ...reportAssessments(),
    stored('o4', '2025-05-02T00:00:00.000Z', { organisationId: 'OVO4', serviceId: 'oud', phase: 'pre', assessedOn: '2025-05-01', service: big }),
    stored('o3', '2024-05-02T00:00:00.000Z', { organisationId: 'OVO3', serviceId: 'ouder', phase: 'pre', assessedOn: '2024-05-01', service: big }),
  ],
  planned: [
    { organisationId: 'OVO1', year: 2026, version: 1, serviceId: 's2', kind: 'rework', name: 'Grote dienst', targetGroups: ['burgers'], budgetEur: 900000, startsOn: '2026-01-10', goLiveOn: '2026-05-01', submittedAt: '2026-01-20T09:00:00.000Z' },
    { organisationId: 'OVO1', year: 2026, version: 1, serviceId: 'nieuw', kind: 'new', name: 'Nieuwe dienst', targetGroups: ['burgers'], expectedUsers: 200000, startsOn: '2026-09-01', submittedAt: '2026-01-20T09:00:00.000Z' },
  ],
  plans: [{ organisationId: 'OVO1', year: 2026, submittedAt: '2026-01-20T09:00:00.000Z' }, { organisationId: 'OVO2', year: 2025 }],
  organisations: new Map([
    ['OVO1', { organisationId: 'OVO1', name: 'Departement Omgeving', kind: 'department', policyDomain: 'Omgeving' }],
    ['OVO2', { organisationId: 'OVO2', name: 'Agentschap Twee', kind: 'agency', policyDomain: 'Omgeving' }],
    ['OVO3', { organisationId: 'OVO3', name: 'Agentschap Drie', kind: 'agency', policyDomain: 'Omgeving' }],
    ['OVO4', { organisationId: 'OVO4', name: 'Agentschap Vier', kind: 'agency', policyDomain: 'Omgeving' }],
  ]),
  feedback: [formMonth('OVO1', 's1', '2026-07', [0, 0, 1, 4, 5]), aggregateOf('OVO2', 's3', '2026-Q1', [0, 0, 0, 5, 5])],
  comments: [formComment('OVO1', 's1', '2026-07-03', 5, 'Vlot.')],
  maturity: [
    { organisationId: 'OVO1', year: 2026, submittedAt: '2026-03-01T10:00:00.000Z', themes: { dienstverlening: { current: 'basis', ambition: 'integratie' }, data: { current: 'ontwikkeling', ambition: 'ontwikkeling' } } },
    { organisationId: 'OVO1', year: 2025, submittedAt: '2025-03-01T10:00:00.000Z', themes: { dienstverlening: { current: 'initiatie', ambition: 'basis' } } },
  ],
  themes: [{ themeId: 'dienstverlening', name: 'Dienstverlening' }],
  decisions: [
    { decisionId: 'd1', assessmentId: 's2pre', organisationId: 'OVO1', serviceId: 's2', decision: 'accepted', criteria: ['SD-G1'], decidedOn: '2026-03-01', recordedAt: '2026-03-01T10:00:00.000Z' },
    { decisionId: 'd2', assessmentId: 's2pre', organisationId: 'OVO1', serviceId: 's2', decision: 'action_required', criteria: ['SD-G1'], note: 'Plan tegen juni.', decidedOn: '2026-05-02', recordedAt: '2026-05-02T10:00:00.000Z' },
    { decisionId: 'd0', assessmentId: 's2pre', organisationId: 'OVO1', serviceId: 's2', decision: 'derogation', until: '2026-06-30', criteria: ['SD-G1'], decidedOn: '2025-12-20', recordedAt: '2025-12-20T10:00:00.000Z' },
  ],
  statusChanges: [
    statusChange({ action: 14 }, 'lopend', '2025-06-01'),
    statusChange({ action: 14 }, 'afgerond', '2026-03-10', 'Het formulier staat online.'),
    statusChange({ supportTool: 'feedbackinstrument' }, 'ontwikkeld', '2026-11-02'),
    statusChange({ action: 1 }, 'afgerond', '2027-01-05', 'Later.'),
  ],
});
const r = buildReports(input);
console.log(JSON.stringify({ providers: r.public.json.providers, without: r.public.json.withoutPlan, dec: r.committee.json.yearDecisions, list: r.committee.json.yearDecisionList, notes: r.committee.json.statusNotes }, null, 1));
console.log(JSON.stringify(r.public.json.actionPlan!.actions.filter(a => a.id === '14' || a.id === '1'), null, 1), JSON.stringify(r.public.json.actionPlan!.counts));
console.log(r.public.sections.map(s => s.section.id).join(' '));
const page = reportPage(r.committee);
console.log(page.slice(page.indexOf('<h2 id="dienstverleners"'), page.indexOf('<h2 id="actieplan"')));
console.log(page.slice(page.indexOf('<h2 id="actieplan-notities"'), page.indexOf('<h2 id="bevindingen"')));
console.log(r.public.json.asOf);
