// The bench's count of DynamoDB requests per assessment (docs/performance.md, "write cost"): what it counts.
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countStoreRequests } from '../bench/store-request-counter.js';

const servers = [createServer((_, res) => res.end('{}')), createServer((_, res) => res.end('{}'))];
const ports: number[] = [];
beforeAll(async () => {
  for (const s of servers) {
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    ports.push((s.address() as AddressInfo).port);
  }
});
afterAll(async () => {
  for (const s of servers) await new Promise((r) => s.close(r));
});

const send = (port: number, target: string | undefined, agent?: Agent) =>
  new Promise<void>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', agent, headers: target ? { 'x-amz-target': target } : {} }, (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end('{}');
  });

describe('countStoreRequests', () => {
  it("counts the store's requests by operation, and none to another port, through the ignored agent, or after close", async () => {
    const own = new Agent({ keepAlive: true });
    const counter = countStoreRequests(`http://127.0.0.1:${ports[0]}`, own);
    try {
      await send(ports[0]!, 'DynamoDB_20120810.PutItem');
      await send(ports[0]!, 'DynamoDB_20120810.PutItem');
      await send(ports[0]!, 'DynamoDBStreams_20120810.GetRecords');
      await send(ports[0]!, undefined);
      await send(ports[1]!, 'DynamoDB_20120810.Query');
      await send(ports[0]!, 'DynamoDB_20120810.BatchWriteItem', own);
      expect(Object.fromEntries(counter.counts)).toEqual({ PutItem: 2, GetRecords: 1, unknown: 1 });
      counter.reset();
      await send(ports[0]!, 'DynamoDB_20120810.Query');
      expect(Object.fromEntries(counter.counts)).toEqual({ Query: 1 });
    } finally {
      counter.close();
      own.destroy();
    }
    await send(ports[0]!, 'DynamoDB_20120810.Query');
    expect(Object.fromEntries(counter.counts)).toEqual({ Query: 1 });
  });
});
