// ActionStatusChanged: the steering committee recorded a new status of one of
// the strategy's 21 actions or of a support tool (hulpmiddel). One event for
// both, told apart by `subject`, each with the statuses of its own kind.
import * as z from 'zod';
import { defineEvent } from './envelope.js';
import { v1IsoDate, v1Slug } from './v1-vocabulary.js';

const common = {
  changeId: z.string().min(1).max(64),
  recordedAt: z.iso.datetime(),
  /** the day in Europe/Brussels: it places the change in its periods */
  recordedOn: v1IsoDate,
  note: z.string().max(1000).optional(),
};

/** v1, published 2026-11 — frozen. */
export const ActionStatusChangedV1 = defineEvent('ActionStatusChanged', 1, () =>
  z.discriminatedUnion('subject', [
    z.strictObject({
      subject: z.literal('action'),
      action: z.int().min(1).max(21),
      status: z.enum(['op te starten', 'lopend', 'afgerond']),
      ...common,
    }),
    z.strictObject({
      subject: z.literal('support-tool'),
      supportTool: v1Slug,
      status: z.enum(['ontwikkeld', 'in ontwikkeling', 'te ontwikkelen']),
      ...common,
    }),
  ]),
);
export type ActionStatusChangedV1 = z.infer<typeof ActionStatusChangedV1.schema>;
