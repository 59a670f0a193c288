// The steering committee records the progress of the action plan: a new
// status of one of the 21 actions or of a support tool, dated the day it is
// recorded (in Brussels), with an optional note.
import type { ActionStatusChangedV1 } from '../../events/action-status-changed.js';
import { brusselsDate } from '../domain/today.js';
import { actionByNumber } from '../domain/strategy/actions.js';
import { checkActionStatusChange, checkSupportToolStatusChange } from '../domain/strategy/status-change.js';
import { supportToolById } from '../domain/strategy/support-tools.js';
import type { StrategyEventStore } from '../adapters/strategy-event-store.js';
import { invalid, Refusal } from './refusal.js';

export interface RecordStatusDeps {
  events: StrategyEventStore;
  now: () => Date;
  newId: () => string;
}

export type StatusSubject = { kind: 'action'; n: string } | { kind: 'support-tool'; id: string };

export async function recordStrategyStatus(
  deps: RecordStatusDeps,
  subject: StatusSubject,
  body: unknown,
): Promise<{ changeId: string; recordedOn: string; status: string }> {
  const now = deps.now();
  const common = { changeId: deps.newId(), recordedAt: now.toISOString(), recordedOn: brusselsDate(now) };
  let payload: ActionStatusChangedV1['payload'];
  if (subject.kind === 'action') {
    const action = actionByNumber(subject.n);
    if (!action) throw new Refusal('not_found', 'not_found', `the action plan has actions 1 to 21; there is no action ${subject.n}`);
    const checked = checkActionStatusChange(body);
    if (!checked.ok) throw invalid('invalid_status', 'the status change', checked.problems);
    payload = {
      subject: 'action',
      action: action.n,
      status: checked.value.status,
      ...common,
      ...(checked.value.note ? { note: checked.value.note } : {}),
    };
  } else {
    const tool = supportToolById(subject.id);
    if (!tool) throw new Refusal('not_found', 'not_found', `there is no support tool "${subject.id}" in the strategy's list`);
    const checked = checkSupportToolStatusChange(body);
    if (!checked.ok) throw invalid('invalid_status', 'the status change', checked.problems);
    payload = {
      subject: 'support-tool',
      supportTool: tool.id,
      status: checked.value.status,
      ...common,
      ...(checked.value.note ? { note: checked.value.note } : {}),
    };
  }
  await deps.events.put({
    metadata: { eventId: deps.newId(), type: 'ActionStatusChanged', version: 1, occurredAt: common.recordedAt },
    payload,
  });
  return { changeId: common.changeId, recordedOn: common.recordedOn, status: payload.status };
}
