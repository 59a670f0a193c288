// Locally, what EventBridge Scheduler does in AWS: fire each schedule of the
// topology at its cron time (UTC) with the same input, naming the scheduled time.
import type { CronSpec, ScheduleTrigger } from '../topology.js';

const matches = (field: string, value: number) => field === '*' || field.split(',').some((f) => Number(f) === value);

/** The first minute after `from` that the cron expression names. */
export function nextFire(cron: CronSpec, from: Date): Date {
  const t = new Date(from.getTime());
  t.setUTCSeconds(0, 0);
  t.setUTCMinutes(t.getUTCMinutes() + 1);
  for (let i = 0; i < 366 * 24 * 60; i++) {
    if (
      matches(cron.month, t.getUTCMonth() + 1) &&
      matches(cron.day, t.getUTCDate()) &&
      matches(cron.hour, t.getUTCHours()) &&
      matches(cron.minute, t.getUTCMinutes())
    ) {
      return t;
    }
    t.setUTCMinutes(t.getUTCMinutes() + 1);
  }
  throw new Error(`cron ${JSON.stringify(cron)} never fires`);
}

export interface ScheduledTarget {
  name: string;
  schedule: ScheduleTrigger;
  invoke(input: { source: 'schedule'; scheduledTime: string }): Promise<unknown>;
}

export function startScheduler(
  targets: ScheduledTarget[],
  log: (m: string) => void,
  now: () => Date = () => new Date(),
): { stop(): void; next(): Array<{ name: string; at: Date }> } {
  const timers = new Map<string, NodeJS.Timeout>();
  const nextAt = new Map<string, Date>();
  const arm = (t: ScheduledTarget) => {
    const at = nextFire(t.schedule.cron, now());
    nextAt.set(t.name, at);
    // setTimeout cannot wait longer than ~24.8 days; re-arm in steps.
    const wait = Math.min(at.getTime() - now().getTime(), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      if (now() < at) return arm(t);
      t.invoke({ source: 'schedule', scheduledTime: at.toISOString() })
        .then(() => log(`schedule ${t.schedule.id} ran ${t.name} for ${at.toISOString()}`))
        .catch((err: unknown) => log(`schedule ${t.schedule.id}: ${t.name} failed: ${(err as Error).message}`))
        .finally(() => arm(t));
    }, wait);
    timer.unref();
    timers.set(t.name, timer);
  };
  targets.forEach(arm);
  return {
    stop: () => timers.forEach((t) => clearTimeout(t)),
    next: () => [...nextAt.entries()].map(([name, at]) => ({ name, at })),
  };
}
