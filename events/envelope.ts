// Every event: a metadata envelope (eventId, type, version, occurredAt) beside its payload.
import * as z from 'zod';

export const metadataSchema = z.strictObject({
  eventId: z.string().min(1).max(128),
  type: z.string(),
  version: z.int().positive(),
  occurredAt: z.iso.datetime(),
});
export type EventMetadata = z.infer<typeof metadataSchema>;

export function defineEvent<T extends string, V extends number, P extends z.ZodType>(type: T, version: V, payload: P) {
  const schema = z.strictObject({
    metadata: metadataSchema.extend({ type: z.literal(type), version: z.literal(version) }),
    payload,
  });
  return { type, version, name: `${type}.v${version}`, schema, payload } as const;
}
