// The local on-failure destination: one JSON line per dead-lettered stream
// record under .data/dead-letters/<consumer>.jsonl, naming the event, the item
// key, the error and the attempts. The poller appends; `dds dlq redrive` takes
// the file away whole (a rename, so the running poller's next line starts a
// new file and nothing it writes meanwhile is lost) and appends back what
// still fails.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ErrorSummary } from '../../shared/adapters/stream-records.js';

export interface DeadLetter {
  consumer: string;
  /** when it was dead-lettered (and, after a redrive that failed, when that was) */
  failedAt: string;
  /** deliveries that failed, counting redrives */
  attempts: number;
  event: { type: string; version: number | null; eventId: string };
  /** the submission item's key: what a redrive reads back from the table */
  key: { pk: string; sk: string };
  correlationId?: string;
  error: ErrorSummary;
  sequenceNumber: string;
  streamArn: string;
}

export const deadLetterDir = (dataDir: string) => join(dataDir, 'dead-letters');
export const deadLetterFile = (dataDir: string, consumer: string) => join(deadLetterDir(dataDir), `${consumer}.jsonl`);

export function appendDeadLetters(path: string, letters: readonly DeadLetter[]): void {
  if (letters.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, letters.map((l) => `${JSON.stringify(l)}\n`).join(''));
}

/** A line as an earlier version of the poller wrote it: one per batch, with the keys in DynamoDB's format. */
interface OldLine {
  consumer: string;
  failedAt: string;
  reason: string;
  records: Array<{ sequenceNumber?: string; keys?: Record<string, { S?: string }> }>;
}

function parseLine(line: string): DeadLetter[] {
  const value = JSON.parse(line) as DeadLetter | OldLine;
  if (!('records' in value)) return [value];
  return value.records.map((r) => ({
    consumer: value.consumer,
    failedAt: value.failedAt,
    attempts: 0,
    event: { type: '(unknown)', version: null, eventId: '(unknown)' },
    key: { pk: r.keys?.pk?.S ?? '', sk: r.keys?.sk?.S ?? '' },
    error: { name: 'Error', message: value.reason },
    sequenceNumber: r.sequenceNumber ?? '',
    streamArn: '',
  }));
}

export function readDeadLetters(path: string): DeadLetter[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .flatMap(parseLine);
}

/** Every consumer's dead letters, in the order they were written. */
export function readAllDeadLetters(dataDir: string): DeadLetter[] {
  const dir = deadLetterDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readDeadLetters(join(dir, f)));
}

/** Takes a consumer's dead letters out of the file for a redrive; `putBack` appends what still fails. */
export function takeDeadLetters(dataDir: string, consumer: string): { letters: DeadLetter[]; putBack(still: readonly DeadLetter[]): void } {
  const path = deadLetterFile(dataDir, consumer);
  if (!existsSync(path)) return { letters: [], putBack: (still) => appendDeadLetters(path, still) };
  const taken = `${path}.redrive-${process.pid}`;
  renameSync(path, taken);
  const letters = readDeadLetters(taken);
  return {
    letters,
    putBack(still) {
      appendDeadLetters(path, still);
      rmSync(taken, { force: true });
    },
  };
}
