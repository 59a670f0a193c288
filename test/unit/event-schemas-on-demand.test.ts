// An event version's schemas are built when first used, not when the catalog
// loads (design §7, cold start; docs/performance.md): a function that parses
// one type of event does not build the other ten versions' schemas.
import { describe, expect, it, vi } from 'vitest';
import type * as Zod from 'zod';

const built = vi.hoisted(() => ({ strictObjects: 0 }));
vi.mock('zod', async (original) => {
  const z = await original<typeof Zod>();
  return {
    ...z,
    strictObject: (...args: Parameters<typeof z.strictObject>) => {
      built.strictObjects += 1;
      return z.strictObject(...args);
    },
  };
});

describe('the event catalog', () => {
  it('builds no event version’s schema when it loads, and one version’s when that one is used', async () => {
    const { AssessmentSubmittedV2, EVENT_DEFINITIONS, parseEvent } = await import('../../events/index.js');
    // only the envelope's metadata, shared by all
    expect(built.strictObjects).toBe(1);
    expect(EVENT_DEFINITIONS.map((d) => d.name)).toHaveLength(11);
    expect(built.strictObjects).toBe(1);

    const schema = AssessmentSubmittedV2.schema;
    const afterOne = built.strictObjects;
    // the envelope, the payload, and the payload's nested objects (submission, service, answer)
    expect(afterOne).toBe(1 + 5);
    expect(AssessmentSubmittedV2.schema).toBe(schema);
    expect(AssessmentSubmittedV2.schema.shape.payload).toBe(AssessmentSubmittedV2.payload);
    const event = parseEvent({
      metadata: { eventId: 'e1', type: 'ReportRequested', version: 1, occurredAt: '2026-11-26T22:00:00.000Z' },
      payload: { reportId: '2026-Q3-r1', period: '2026-Q3', requestedBy: 'api' },
    });
    expect(event.metadata.type).toBe('ReportRequested');
    expect(built.strictObjects).toBe(afterOne + 2);
  });
});
