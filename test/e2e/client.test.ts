// End to end through the typed client (shared/client/dds-client.ts), as an
// integrator following docs/integrators.md would: a local stack over real
// HTTP, a first assessment, a first counts report, a first plan, the figures
// back (overview and series, JSON and CSV), a report request, the errors as
// the contract gives them; and /docs with the same document as the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { ddsClient, DdsApiError, type DdsClient } from '../../shared/client/dds-client.js';
import { periodContaining, shiftPeriod } from '../../shared/domain/periods.js';
import { addDays, brusselsDate } from '../../shared/domain/today.js';
import { answers, assessment } from '../support/fixtures.js';
import { standIns } from '../support/stand-ins.js';

let stack: LocalStack;
let provider: DdsClient;
let eloket: DdsClient;
let committee: DdsClient;
let anonymous: DdsClient;

// Dated from today, so the test holds on any day: the quarter before this one has ended.
const today = brusselsDate(new Date());
const lastQuarter = shiftPeriod(periodContaining(today, 'quarter'), -1);

async function eventually<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  const env = await standIns('client');
  stack = await startLocalStack({ settings: env.settings, standIns: false });
  const key = async (o: Parameters<LocalStack['keys']['create']>[0]) => (await stack.keys.create(o)).key;
  provider = ddsClient({ baseUrl: stack.apiUrl, key: await key({ role: 'service-provider', organisationId: 'OVO000123' }) });
  eloket = ddsClient({ baseUrl: stack.apiUrl, key: await key({ role: 'eloket-operator', eloketId: 'mijn-burgerprofiel' }) });
  committee = ddsClient({ baseUrl: stack.apiUrl, key: await key({ role: 'steering-committee' }) });
  anonymous = ddsClient({ baseUrl: stack.apiUrl });
});
afterAll(async () => stack?.stop());

describe('the quick start, through the typed client', () => {
  it('reads the public operations: health, the criteria, the document', async () => {
    expect((await anonymous.getHealth()).body.status).toBe('ok');
    const criteria = (await anonymous.getCriteria()).body;
    expect(criteria.catalogs[0]!.criteria).toHaveLength(52);
    const doc = (await anonymous.getOpenApiDocument()).body;
    expect(doc.openapi).toBe('3.1.0');
    // /docs renders the same document, from its own copy beside the renderer.
    const page = await fetch(`${stack.apiUrl}/docs/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await (await fetch(`${stack.apiUrl}/docs/openapi.json`)).json()).toEqual(doc);
  });

  it('posts a first assessment (a replay answers 200 with the same body) and reads the service back', async () => {
    const body = assessment({
      assessedOn: addDays(today, -30),
      answers: answers({ 'SD-G2': 'no' }).map((a) =>
        a.criterionId === 'SD-G2' ? { ...a, explanation: 'Papieren aanvraag blijft nodig.' } : a,
      ),
    });
    const first = await provider.submitAssessment(body, { idempotencyKey: 'quick-start-1' });
    expect(first.status).toBe(201);
    expect(first.body.bands.SD.G).toBe('good');
    const again = await provider.submitAssessment(body, { idempotencyKey: 'quick-start-1' });
    expect(again).toMatchObject({ status: 200, body: first.body });
    const service = (await provider.getService('OVO000123', 'omgevingsvergunning')).body;
    expect(service.pre?.assessmentId).toBe(first.body.assessmentId);
  });

  it('posts a first counts report and a first plan', async () => {
    const counts = await eloket.reportServiceCounts({
      period: lastQuarter,
      counts: [
        { organisationId: 'OVO000123', targetGroup: 'burgers', servicesOffered: 12, volumes: { click: 48210, call: 5120, connect: 830 } },
      ],
    });
    expect(counts).toMatchObject({ status: 201, body: { version: 1 } });
    const plan = await provider.submitPlan({
      organisationId: 'OVO000123',
      year: Number(today.slice(0, 4)),
      services: [
        {
          serviceId: 'omgevingsvergunning',
          kind: 'rework',
          name: 'Omgevingsvergunning aanvragen',
          targetGroups: ['burgers'],
          startsOn: addDays(today, -60),
        },
      ],
    });
    expect(plan).toMatchObject({ status: 201, body: { version: 1 } });
  });

  it('reads the figures back: the overview, and the series as JSON and CSV, which agree', async () => {
    const overview = await eventually('the counts projected', async () => {
      const o = (await committee.getIndicatorOverview(lastQuarter)).body;
      return o.eloketten['mijn-burgerprofiel']?.status === 'reported' ? o : undefined;
    });
    const from = shiftPeriod(lastQuarter, -1);
    const series = (await committee.getIndicatorSeries({ from, to: lastQuarter, groupBy: 'eloket', eloket: 'mijn-burgerprofiel' })).body;
    expect(series.periods).toEqual([from, lastQuarter]);
    expect((series.series[0]!.points as unknown[])[1]).toEqual({ period: lastQuarter, ...overview.eloketten['mijn-burgerprofiel'] });
    const csv = (await committee.getIndicatorSeriesCsv({ from, to: lastQuarter, groupBy: 'eloket', eloket: 'mijn-burgerprofiel' })).body;
    expect(csv.split('\r\n')[2]).toBe(
      `mijn-burgerprofiel,Mijn Burgerprofiel,${lastQuarter},reported,12,1,12,,,,48210,5120,830,,54160,1,1,${48210 / 54160}`,
    );
    // A provider reads its own organisation's series.
    const own = (await provider.getIndicatorSeries({ from, to: lastQuarter, groupBy: 'organisation' })).body;
    expect(own.series.map((s) => s.group)).toEqual(['OVO000123']);
  });

  it('asks for a report, and gets the errors of the contract as DdsApiError', async () => {
    expect((await committee.requestReport(lastQuarter)).status).toBe(202);
    const refused = (await provider
      .getIndicatorSeries({ from: lastQuarter, to: lastQuarter, groupBy: 'eloket' })
      .catch((e: unknown) => e)) as DdsApiError;
    expect(refused).toBeInstanceOf(DdsApiError);
    expect(refused.status).toBe(403);
    const invalid = (await provider.submitAssessment({ ...assessment(), answers: [] }).catch((e: unknown) => e)) as DdsApiError;
    expect(invalid.status).toBe(422);
    expect(invalid.details.length).toBeGreaterThan(50);
    const unknownKey = (await ddsClient({ baseUrl: stack.apiUrl, key: 'dds_nope' })
      .getIndicatorOverview(lastQuarter)
      .catch((e: unknown) => e)) as DdsApiError;
    expect(unknownKey.status).toBe(401);
  });
});
