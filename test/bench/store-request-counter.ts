// Counts the requests this process sends to DynamoDB Local, by operation, so the bench can say how many
// DynamoDB requests an ingested assessment costs. It listens on Node's own HTTP client channel instead of
// standing in the path: a proxy in front of the store put a second hop, in this same process, on every store
// request of the end-to-end side of the ingest ratio and on none of the raw side's (docs/performance.md).
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Agent, ClientRequest } from 'node:http';

export interface StoreRequestCounter {
  counts: Map<string, number>;
  reset(): void;
  close(): void;
}

/**
 * Counts every request to `endpoint` (an `http://host:port` URL) except those sent through `ignore`: the
 * bench's own client, which fills the stores and takes the raw `PutItem` rate, is not the stack's cost.
 */
export function countStoreRequests(endpoint: string, ignore: Agent): StoreRequestCounter {
  const host = new URL(endpoint).host;
  const counts = new Map<string, number>();
  const onRequest = (message: unknown) => {
    // ClientRequest keeps its agent as `agent`, which Node's types leave out.
    const request = (message as { request: ClientRequest & { agent?: Agent } }).request;
    if (request.agent === ignore || request.getHeader('host') !== host) return;
    // X-Amz-Target names the operation: DynamoDB_20120810.PutItem, DynamoDBStreams_20120810.GetRecords.
    const op = String(request.getHeader('x-amz-target') ?? 'unknown')
      .split('.')
      .pop()!;
    counts.set(op, (counts.get(op) ?? 0) + 1);
  };
  subscribe('http.client.request.start', onRequest);
  return { counts, reset: () => counts.clear(), close: () => unsubscribe('http.client.request.start', onRequest) };
}
