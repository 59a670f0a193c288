// Event contracts: every stored version stays parseable, round-trips through a
// DynamoDB item (what the stream delivers), and has a generated JSON Schema.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AssessmentSubmittedV2, V1_INDICATOR_CATALOG, upcastAssessment } from '../../events/assessment-submitted.js';
import { EVENT_DEFINITIONS, eventJsonSchemas, isEvent, parseEvent, UnknownEventError } from '../../events/index.js';
import { assessmentKey, itemKeyOf } from '../../shared/adapters/submission-items.js';
import { acceptAssessment } from '../../shared/domain/accept-assessment.js';
import { toAssessmentRow } from '../../shared/domain/assessment-row.js';
import { validateAssessment } from '../../shared/domain/assessment.js';
import { assessment, TODAY } from '../support/fixtures.js';
import {
  eventToAttributes,
  eventToItem,
  itemToEvent,
  streamImageToEvent,
  type SubmissionEvent,
} from '../../shared/adapters/submission-items.js';

const dir = new URL('../fixtures/events/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as unknown] as const);

describe('event fixtures', () => {
  it('cover every event name and version', () => {
    const named = new Set(fixtures.map(([f]) => f.split('.').slice(0, 2).join('.')));
    expect([...named].sort()).toEqual(EVENT_DEFINITIONS.map((d) => d.name).sort());
  });

  for (const [file, value] of fixtures) {
    it(`${file} still parses`, () => {
      expect(parseEvent(value)).toEqual(value);
    });
  }

  it('round-trip through the stored item the stream delivers', () => {
    for (const [file, value] of fixtures) {
      if (file.startsWith('ReportPublished')) continue; // not a submission: never stored in the submissions table
      const event = parseEvent(value) as SubmissionEvent;
      expect(itemToEvent(eventToItem(event))).toEqual(event);
      expect(streamImageToEvent(eventToAttributes(event))).toEqual(event);
    }
  });

  it('refuses an unknown version and an envelope without metadata', () => {
    const [, assessment] = fixtures.find(([f]) => f.startsWith('AssessmentSubmitted'))!;
    const v9 = { ...(assessment as object), metadata: { ...(assessment as { metadata: object }).metadata, version: 9 } };
    expect(() => parseEvent(v9)).toThrow(UnknownEventError);
    expect(() => parseEvent({ payload: {} })).toThrow('unknown event undefined.vundefined');
  });

  it('keep the frozen JSON Schema of every published version (events/schemas/, written by npm run schemas)', () => {
    for (const [name, schema] of Object.entries(eventJsonSchemas())) {
      const file = new URL(`../../events/schemas/${name}.json`, import.meta.url);
      expect(`${JSON.stringify(schema, null, 2)}\n`, `${name}: its published schema changed; add a new version instead`).toBe(
        readFileSync(file, 'utf8'),
      );
    }
  });

  it('narrow by type with isEvent, whatever the version', () => {
    const events = fixtures.map(([, v]) => parseEvent(v));
    expect(events.filter((e) => isEvent(e, 'ServiceCountsReported')).map((e) => e.payload.eloket)).toEqual(['mijn-burgerprofiel']);
    expect(
      events.filter((e) => isEvent(e, 'AssessmentSubmitted')).map((e) => `v${e.metadata.version} ${e.payload.submission.serviceId}`),
    ).toEqual(['v1 omgevingsvergunning', 'v2 omgevingsvergunning']);
  });

  it('upcast a stored v1 assessment to the current shape, meaning the same', () => {
    const v1 = parseEvent(fixtures.find(([f]) => f === 'AssessmentSubmitted.v1.json')![1]);
    if (!isEvent(v1, 'AssessmentSubmitted') || v1.metadata.version !== 1) throw new Error('expected the v1 fixture');
    const current = upcastAssessment(v1);
    expect(AssessmentSubmittedV2.payload.parse(current)).toEqual(current);
    expect(current.submission.answers).toEqual(v1.payload.submission.answers);
    expect(current.submission.service).toEqual(v1.payload.submission.service);
    expect(current.submission.indicatorCatalogVersion).toBe(v1.payload.submission.measures ? V1_INDICATOR_CATALOG : undefined);
    const v2 = parseEvent(fixtures.find(([f]) => f === 'AssessmentSubmitted.v2.json')![1]);
    if (!isEvent(v2, 'AssessmentSubmitted')) throw new Error('expected the v2 fixture');
    expect(upcastAssessment(v2)).toBe(v2.payload);
  });

  it('of an assessment, either version, are stored under the key their projection row gives (explanations are read by it)', () => {
    for (const file of ['AssessmentSubmitted.v1.json', 'AssessmentSubmitted.v2.json']) {
      const event = parseEvent(fixtures.find(([f]) => f === file)![1]);
      if (!isEvent(event, 'AssessmentSubmitted')) throw new Error(`expected ${file}`);
      const row = toAssessmentRow(upcastAssessment(event));
      expect(assessmentKey(row)).toEqual(itemKeyOf(event));
      expect(itemKeyOf(event)).toEqual({
        pk: `SVC#${event.payload.submission.organisationId}#${event.payload.submission.serviceId}`,
        sk: `A#${event.payload.submittedAt}#${event.payload.assessmentId}`,
      });
    }
  });

  it('are what the API stores: an accepted assessment is a parseable event of the current version', () => {
    const v = validateAssessment(assessment(), { today: TODAY });
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const { event } = acceptAssessment(v.value, { assessmentId: 'a-1', eventId: 'e-1', submittedAt: '2026-10-02T08:00:00.000Z' });
    expect(parseEvent(JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('have a JSON Schema generated from the zod schema', () => {
    const schemas = eventJsonSchemas() as Record<
      string,
      { type: string; required: string[]; properties: Record<string, { properties?: Record<string, unknown> }> }
    >;
    expect(Object.keys(schemas).sort()).toEqual([
      'ActionStatusChanged.v1',
      'AssessmentSubmitted.v1',
      'AssessmentSubmitted.v2',
      'DecisionRecorded.v1',
      'FeedbackGiven.v1',
      'FeedbackReported.v1',
      'MaturityScanned.v1',
      'PlanSubmitted.v1',
      'ReportPublished.v1',
      'ReportRequested.v1',
      'ServiceCountsReported.v1',
    ]);
    const s = schemas['AssessmentSubmitted.v1']!;
    expect(s.type).toBe('object');
    expect(s.required).toEqual(['metadata', 'payload']);
    expect(s.properties.metadata?.properties?.type).toEqual({ type: 'string', const: 'AssessmentSubmitted' });
  });

  it('of feedback never carry a comment: only a reference to its item (design §2.1)', () => {
    const given = fixtures.find(([f]) => f.startsWith('FeedbackGiven'))![1] as { payload: Record<string, unknown> };
    expect(() => parseEvent({ ...given, payload: { ...given.payload, comment: 'tekst' } })).toThrow();
    const reported = fixtures.find(([f]) => f.startsWith('FeedbackReported'))![1] as {
      payload: { services: Array<Record<string, unknown>> };
    };
    const withText = {
      ...reported,
      payload: { ...reported.payload, services: [{ ...reported.payload.services[0], comments: ['tekst'] }] },
    };
    expect(() => parseEvent(withText)).toThrow();
  });

  it('of a status change tell an action from a support tool, each with its own statuses', () => {
    const action = fixtures.find(([f]) => f === 'ActionStatusChanged.v1.json')![1] as { payload: Record<string, unknown> };
    expect(() => parseEvent({ ...action, payload: { ...action.payload, status: 'ontwikkeld' } })).toThrow();
    expect(() => parseEvent({ ...action, payload: { ...action.payload, action: 22 } })).toThrow();
  });
});
