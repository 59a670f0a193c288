// A process's first Intl object loads ICU's data (10–15 ms of a cold start,
// docs/performance.md): the modules every report function loads make their
// formatters on first use, not at import.
import { afterEach, describe, expect, it, vi } from 'vitest';

describe('formatters made on first use', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('importing the report sections and the indicator formatting creates no Intl object', async () => {
    vi.resetModules();
    const numberFormat = vi.spyOn(Intl, 'NumberFormat');
    const dateTimeFormat = vi.spyOn(Intl, 'DateTimeFormat');
    await import('../../shared/domain/report/sections/index.js');
    await import('../../shared/domain/report/format.js');
    await import('../../shared/domain/operational/indicator.js');
    await import('../../shared/domain/today.js');
    expect(numberFormat).toHaveBeenCalledTimes(0);
    expect(dateTimeFormat).toHaveBeenCalledTimes(0);
  });

  it('the formatters still write Dutch numbers once used', async () => {
    const { count, oneDecimal, percent } = await import('../../shared/domain/report/format.js');
    expect([count(1234567), percent(0.828), oneDecimal(4.25)]).toEqual(['1.234.567', '82,8 %', '4,3']);
  });
});
