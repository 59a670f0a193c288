// The maturity self-scan (seed 001): only the five levels, only registered
// themes, ambition never below the current level; and the committee's
// status changes: only the statuses of the subject's own kind.
import { describe, expect, it } from 'vitest';
import { checkMaturityScan, MATURITY_LEVELS } from '../../shared/domain/strategy/maturity.js';
import { checkActionStatusChange, checkSupportToolStatusChange } from '../../shared/domain/strategy/status-change.js';

const THEMES = new Set(['dienstverlening', 'informatieveiligheid', 'data']);

describe('a maturity scan', () => {
  it('has the five levels of the model, in order', () => {
    expect(MATURITY_LEVELS).toEqual(['initiatie', 'basis', 'ontwikkeling', 'integratie', 'transformatie']);
  });

  it('is accepted with registered themes and an ambition at or above the current level', () => {
    const scan = {
      organisationId: 'KBO0216769073',
      year: 2026,
      themes: {
        dienstverlening: { current: 'basis', ambition: 'integratie' },
        data: { current: 'ontwikkeling', ambition: 'ontwikkeling' },
      },
    };
    expect(checkMaturityScan(scan, THEMES, 2026)).toEqual({ ok: true, value: scan });
  });

  it('names every problem at once', () => {
    const r = checkMaturityScan(
      {
        organisationId: 'KBO0216769073',
        year: 2027,
        themes: {
          dienstverlening: { current: 'integratie', ambition: 'basis' },
          onbekend: { current: 'basis', ambition: 'basis' },
          data: { current: 'expert', ambition: 'transformatie' },
        },
      },
      THEMES,
      2026,
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { path: 'year', message: '2027 has not begun yet' },
        { path: 'themes.dienstverlening.ambition', message: 'the ambition (basis) is below the current level (integratie)' },
        { path: 'themes.onbekend', message: 'unknown theme; the registered themes are data, dienstverlening, informatieveiligheid' },
      ]),
    );
    expect(r.problems.some((p) => p.path === 'themes.data.current')).toBe(true);
  });

  it('needs at least one theme, and says when none are registered', () => {
    expect(checkMaturityScan({ organisationId: 'O1', year: 2026, themes: {} }, THEMES, 2026)).toMatchObject({
      ok: false,
      problems: [{ path: 'themes', message: 'give at least one theme' }],
    });
    expect(
      checkMaturityScan({ organisationId: 'O1', year: 2026, themes: { data: { current: 'basis', ambition: 'basis' } } }, new Set(), 2026),
    ).toMatchObject({
      ok: false,
      problems: [{ path: 'themes.data', message: 'no themes are registered yet' }],
    });
  });
});

describe('a status change', () => {
  it('of an action takes op te starten, lopend or afgerond, and a note', () => {
    expect(checkActionStatusChange({ status: 'afgerond', note: 'Opgeleverd.' })).toEqual({
      ok: true,
      value: { status: 'afgerond', note: 'Opgeleverd.' },
    });
    expect(checkActionStatusChange({ status: 'ontwikkeld' }).ok).toBe(false);
  });

  it('of a support tool takes ontwikkeld, in ontwikkeling or te ontwikkelen', () => {
    expect(checkSupportToolStatusChange({ status: 'in ontwikkeling' })).toEqual({ ok: true, value: { status: 'in ontwikkeling' } });
    expect(checkSupportToolStatusChange({ status: 'lopend' }).ok).toBe(false);
  });

  it('refuses unknown fields and unsafe text in the note', () => {
    const r = checkActionStatusChange({ status: 'lopend', note: 'a\u202eb', by: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path).sort()).toEqual(['by', 'note']);
  });
});
