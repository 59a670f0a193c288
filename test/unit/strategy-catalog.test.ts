// The action plan's 21 actions and the support tools are the seed's own
// (design §2): re-read from the strategy text and compared, as the criteria
// catalog is (catalog.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_SECTIONS, actionByNumber, STRATEGY_ACTIONS } from '../../shared/domain/strategy/actions.js';
import { SUPPORT_TOOLS, supportToolById } from '../../shared/domain/strategy/support-tools.js';
import { actionsFromSeed, supportToolsFromSeed } from '../support/seed-strategy.js';

const SEED = readFileSync(new URL('../../../shared/seeds/003_6eeffcabeb064ae4.txt', import.meta.url), 'utf8');

describe('the 21 actions of the action plan (seed §5)', () => {
  it('are the seed’s, with owner, timing, budget indication, related actions and first status', () => {
    const fromSeed = actionsFromSeed(SEED);
    expect(fromSeed).toHaveLength(21);
    expect(STRATEGY_ACTIONS).toEqual(fromSeed);
  });

  it('hold the feedback instrument (14) and the feedback option (21) as the seed describes them', () => {
    expect(actionByNumber('14')).toMatchObject({
      title: 'Ontwikkelen van een feedbackinstrument',
      owner: 'Agentschap Digitaal Vlaanderen',
      timing: 'Middellange termijn',
      budget: 'Medium',
      status: 'op te starten',
    });
    expect(actionByNumber('21')).toMatchObject({
      title: 'Toevoegen van een feedbackmogelijkheid',
      owner: 'Dienstverleners',
      timing: 'Doorlopend',
    });
    expect(STRATEGY_ACTIONS.filter((a) => a.status === 'lopend').map((a) => a.n)).toEqual([1, 2, 3, 4, 5, 10, 11]);
    expect(new Set(STRATEGY_ACTIONS.map((a) => a.section))).toEqual(new Set(Object.keys(ACTION_SECTIONS)));
  });

  it('are found only by their number', () => {
    expect(actionByNumber('0')).toBeUndefined();
    expect(actionByNumber('22')).toBeUndefined();
    expect(actionByNumber('07')).toBeUndefined();
    expect(actionByNumber('1e1')).toBeUndefined();
    expect(actionByNumber('7')?.n).toBe(7);
  });
});

describe('the support tools (seed §4.2–4.7)', () => {
  it('are the seed’s, each with its type, whether it has actions, and its status', () => {
    const fromSeed = supportToolsFromSeed(SEED);
    expect(fromSeed).toHaveLength(31);
    expect(SUPPORT_TOOLS.map(({ name, section, withActions, status }) => ({ name, section, withActions, status }))).toEqual(fromSeed);
  });

  it('have unique ids that are slugs', () => {
    expect(new Set(SUPPORT_TOOLS.map((t) => t.id)).size).toBe(SUPPORT_TOOLS.length);
    for (const t of SUPPORT_TOOLS) expect(t.id).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/);
    expect(supportToolById('feedbackinstrument')).toMatchObject({ section: '4.7', withActions: true, status: 'te ontwikkelen' });
    expect(supportToolById('bestaat-niet')).toBeUndefined();
  });
});
