// Every event: a metadata envelope (eventId, type, version, occurredAt) beside its payload.
import * as z from 'zod';

export const metadataSchema = z.strictObject({
  eventId: z.string().min(1).max(128),
  type: z.string(),
  version: z.int().positive(),
  occurredAt: z.iso.datetime(),
});
export type EventMetadata = z.infer<typeof metadataSchema>;

function envelope<T extends string, V extends number, P extends z.ZodType>(type: T, version: V, payload: P) {
  return z.strictObject({
    metadata: metadataSchema.extend({ type: z.literal(type), version: z.literal(version) }),
    payload,
  });
}

/**
 * One version of one event. Its schemas are built on first use, not when the
 * module loads: every function bundles the whole catalog (stored items are
 * parsed by type), but most parse one or two types, and building all eleven
 * versions' schemas was some 440 zod schemas at every cold start
 * (docs/performance.md, cold load).
 */
export function defineEvent<T extends string, V extends number, P extends z.ZodType>(type: T, version: V, payloadOf: () => P) {
  let payload: P | undefined;
  let schema: ReturnType<typeof envelope<T, V, P>> | undefined;
  return {
    type,
    version,
    name: `${type}.v${version}`,
    get payload(): P {
      return (payload ??= payloadOf());
    },
    get schema(): ReturnType<typeof envelope<T, V, P>> {
      return (schema ??= envelope(type, version, this.payload));
    },
  } as const;
}
