// Issue 14 points 3 and 12: the start banner names the reports actually
// published, by their own addresses, and on other than the default ports the
// exact variables the CLI needs.
import { describe, expect, it } from 'vitest';
import { cliEnvironment, startBanner } from '../../infra/local/banner.js';
import { localSettings } from '../../infra/local/settings.js';

const at = new Date('2026-12-01T05:00:00.000Z');

describe('the start banner', () => {
  it('prints nothing for the CLI on the defaults: it finds the stack by itself', () => {
    const s = localSettings({});
    expect(cliEnvironment(s, 'http://127.0.0.1:3000')).toBeNull();
    expect(startBanner({ apiUrl: 'http://127.0.0.1:3000', settings: s, published: [], keysNote: 'k', nextSchedules: [] })).not.toContain(
      'export ',
    );
  });

  it('prints the exact export line on other ports, with the port the API really listens on', () => {
    const s = localSettings({
      PORT: '0',
      AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8101',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4669',
    });
    expect(cliEnvironment(s, 'http://127.0.0.1:41234')).toBe(
      'export PORT=41234 AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8101 AWS_ENDPOINT_URL_S3=http://127.0.0.1:4669',
    );
    // A second stack beside the first: its own names, and its own clock when fixed.
    const beside = localSettings({ PORT: '3100', DDS_RESOURCE_PREFIX: 'tweede', DDS_TODAY: '2026-11-26' });
    expect(cliEnvironment(beside, 'http://127.0.0.1:3100')).toBe(
      'export PORT=3100 AWS_ENDPOINT_URL_DYNAMODB=http://127.0.0.1:8000 AWS_ENDPOINT_URL_S3=http://127.0.0.1:4568 DDS_RESOURCE_PREFIX=tweede DDS_TODAY=2026-11-26',
    );
    expect(
      startBanner({
        apiUrl: 'http://127.0.0.1:3100',
        settings: beside,
        published: [],
        keysNote: 'k',
        nextSchedules: [{ name: 'publishReport', at }],
      }),
    ).toContain(`    ${cliEnvironment(beside, 'http://127.0.0.1:3100')!}\n`);
  });

  it('lists the published periods by their own addresses, newest first, public and committee', () => {
    const banner = startBanner({
      apiUrl: 'http://127.0.0.1:3000',
      settings: localSettings({}),
      published: ['2026-Q2', '2026-Q3'],
      keysNote: 'demo keys are in .data/demo-keys.json',
      nextSchedules: [{ name: 'publishReport', at }],
    });
    const lines = banner.split('\n');
    const publicAt = lines.findIndex((l) => l.startsWith('  Public reports       http://127.0.0.1:3000/reports/'));
    expect(lines.slice(publicAt + 1, publicAt + 3).map((l) => l.trim())).toEqual([
      '2026-Q3  http://127.0.0.1:3000/reports/2026-Q3/',
      '2026-Q2  http://127.0.0.1:3000/reports/2026-Q2/',
    ]);
    const committeeAt = lines.findIndex((l) => l.startsWith('  Committee reports    http://127.0.0.1:3000/committee/'));
    expect(lines.slice(committeeAt + 1, committeeAt + 3).map((l) => l.trim())).toEqual([
      '2026-Q3  http://127.0.0.1:3000/committee/2026-Q3/',
      '2026-Q2  http://127.0.0.1:3000/committee/2026-Q2/',
    ]);
    // No placeholder where an address should be.
    expect(banner).not.toContain('<period>/');
    expect(banner).toContain('  Next scheduled run   publishReport at 2026-12-01T05:00:00.000Z');
  });

  it('says when nothing is published yet, and how to publish, and lists only the newest of many', () => {
    const empty = startBanner({
      apiUrl: 'http://127.0.0.1:3000',
      settings: localSettings({}),
      published: [],
      keysNote: 'k',
      nextSchedules: [],
    });
    expect(empty).toContain('nothing published yet: npm run dds -- report --period <period>');
    const months = Array.from({ length: 10 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);
    const many = startBanner({
      apiUrl: 'http://127.0.0.1:3000',
      settings: localSettings({}),
      published: months,
      keysNote: 'k',
      nextSchedules: [],
    });
    expect(many).toContain('2026-10  http://127.0.0.1:3000/reports/2026-10/');
    expect(many).not.toContain('/reports/2026-04/');
    expect(many).toContain('and 4 more on http://127.0.0.1:3000/reports/');
  });
});
