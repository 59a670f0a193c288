// Dead letters of the local stack: the poller's JSON-lines files.
import { readAllDeadLetters, takeDeadLetters, deadLetterFile, type DeadLetter } from '../../local/dead-letter-file.js';
import type { CommandContext } from '../context.js';
import { STREAM_CONSUMERS } from './consumers.js';
import { describeEntry, redriver, type DeadLetterEntry } from './redrive.js';

const toEntry = (dataDir: string, l: DeadLetter): DeadLetterEntry => ({ ...l, source: deadLetterFile(dataDir, l.consumer) });

export const listLocalDeadLetters = (dataDir: string): DeadLetterEntry[] => readAllDeadLetters(dataDir).map((l) => toEntry(dataDir, l));

/** Processes every dead letter once; keeps (with the new error and one more attempt) what still fails. */
export async function redriveLocal(ctx: CommandContext, dataDir: string): Promise<{ redriven: number; failed: number }> {
  const r = redriver(ctx);
  let redriven = 0;
  let failed = 0;
  for (const { name } of STREAM_CONSUMERS) {
    const { letters, putBack } = takeDeadLetters(dataDir, name);
    const still: DeadLetter[] = [];
    let tried = 0;
    try {
      for (const letter of letters) {
        tried += 1;
        const outcome = await r.redrive(letter);
        if (outcome.ok) {
          redriven += 1;
          ctx.out(`redriven     ${describeEntry(letter)}`);
        } else {
          failed += 1;
          still.push({ ...letter, attempts: letter.attempts + 1, failedAt: new Date().toISOString(), error: outcome.error });
          ctx.out(`still fails  ${describeEntry(letter)}: ${outcome.error.name}: ${outcome.error.message}`);
        }
      }
    } catch (err) {
      // The stores went away halfway: what was not tried yet goes back as it was.
      putBack([...still, ...letters.slice(tried - 1)]);
      throw err;
    }
    putBack(still);
  }
  return { redriven, failed };
}
