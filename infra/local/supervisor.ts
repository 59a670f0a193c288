// Keeps a stand-in running: when one stops without being asked to (DynamoDB
// Local killed, out of memory), say so plainly, start it again on the same port
// and data, and say when it is back. Meanwhile the API answers 503 with
// Retry-After. A stand-in that keeps stopping, or cannot be started again,
// stops the whole stack with the reason, rather than limping on.
import type { Running, StandIn } from './stand-ins.js';

export interface SupervisorOptions {
  /** the stand-in's name, for messages: "DynamoDB Local" */
  name: string;
  start: () => Promise<StandIn>;
  log: (message: string) => void;
  /** the stack cannot go on: stop it, saying why */
  giveUp: (reason: string) => void;
  /** wait before starting again, so a stand-in that dies at once does not spin */
  restartDelayMs?: number;
  /** at most this many unexpected stops within `windowMs` */
  maxRestarts?: number;
  windowMs?: number;
}

export function supervise(first: StandIn, o: SupervisorOptions): Running {
  const restartDelayMs = o.restartDelayMs ?? 1_000;
  const maxRestarts = o.maxRestarts ?? 3;
  const windowMs = o.windowMs ?? 5 * 60_000;
  let current = first;
  let stopping = false;
  let restarting: Promise<void> | undefined;
  const stops: number[] = [];

  const watch = (standIn: StandIn) => standIn.onUnexpectedExit((why) => void (restarting = restart(standIn, why)));

  async function restart(dead: StandIn, why: string): Promise<void> {
    if (stopping) return;
    const now = Date.now();
    stops.push(now);
    while (stops.length > 0 && stops[0]! < now - windowMs) stops.shift();
    if (stops.length > maxRestarts) {
      o.log(`${dead.label} stopped unexpectedly (${why}), ${stops.length} times within ${Math.round(windowMs / 60_000)} minutes`);
      o.giveUp(`${o.name} keeps stopping (last: ${why})`);
      return;
    }
    o.log(`${dead.label} stopped unexpectedly (${why}); the API answers 503 until it is back; starting it again`);
    await new Promise((r) => setTimeout(r, restartDelayMs));
    if (stopping) return;
    try {
      current = await o.start();
    } catch (err) {
      o.giveUp(`${o.name} could not be started again: ${(err as Error).message}`);
      return;
    }
    if (stopping) {
      await current.stop();
      return;
    }
    watch(current);
    o.log(`${current.label} is back`);
  }

  watch(first);
  return {
    async stop() {
      stopping = true;
      await restarting?.catch(() => undefined);
      await current.stop();
    },
  };
}
