// What `npm start` prints once the stack is up: where everything is, the
// reports that were actually published (their own addresses), and, when the
// stack does not run on the defaults, the exact variables the CLI needs in
// another terminal to reach it. For operators: in English.
import { orderPeriods } from '../../shared/domain/report/pages.js';
import { localSettings, type LocalSettings } from './settings.js';

/** The settings the CLI reads locally (infra/cli/settings.ts); the address parts always, the rest when changed. */
const ADDRESS = ['PORT', 'AWS_ENDPOINT_URL_DYNAMODB', 'AWS_ENDPOINT_URL_S3'] as const;
const WHEN_CHANGED = ['DDS_RESOURCE_PREFIX', 'DDS_TODAY', 'DDS_CODE_VERSION'] as const;

const shellWord = (v: string) => (/^[A-Za-z0-9_./:@%+=,-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`);

/**
 * `export PORT=… AWS_ENDPOINT_URL_DYNAMODB=… …` for a stack that is not on the
 * defaults (the port the API actually listens on, even when PORT was 0); null on the defaults.
 */
export function cliEnvironment(settings: LocalSettings, apiUrl: string): string | null {
  const defaults = localSettings({});
  const actual: Record<string, string | undefined> = {
    PORT: new URL(apiUrl).port || String(settings.PORT),
    AWS_ENDPOINT_URL_DYNAMODB: settings.AWS_ENDPOINT_URL_DYNAMODB,
    AWS_ENDPOINT_URL_S3: settings.AWS_ENDPOINT_URL_S3,
    DDS_RESOURCE_PREFIX: settings.DDS_RESOURCE_PREFIX,
    DDS_TODAY: settings.DDS_TODAY,
    DDS_CODE_VERSION: settings.DDS_CODE_VERSION,
  };
  const standard: Record<string, string | undefined> = {
    PORT: String(defaults.PORT),
    AWS_ENDPOINT_URL_DYNAMODB: defaults.AWS_ENDPOINT_URL_DYNAMODB,
    AWS_ENDPOINT_URL_S3: defaults.AWS_ENDPOINT_URL_S3,
    DDS_RESOURCE_PREFIX: defaults.DDS_RESOURCE_PREFIX,
    DDS_TODAY: defaults.DDS_TODAY,
    DDS_CODE_VERSION: defaults.DDS_CODE_VERSION,
  };
  const changed = (v: string) => actual[v] !== standard[v];
  if (![...ADDRESS, ...WHEN_CHANGED].some(changed)) return null;
  const vars = [...ADDRESS, ...WHEN_CHANGED.filter(changed)].filter((v) => actual[v] !== undefined);
  return `export ${vars.map((v) => `${v}=${shellWord(actual[v]!)}`).join(' ')}`;
}

/** How many periods the banner lists under each kind of report; the index lists them all. */
const LISTED = 6;

function publishedLines(base: string, periods: readonly string[]): string[] {
  const ordered = orderPeriods(periods).flatMap((g) => g.periods);
  if (ordered.length === 0) return ['                         nothing published yet: npm run dds -- report --period <period>'];
  const lines = ordered.slice(0, LISTED).map((p) => `                         ${p.padEnd(8)} ${base}${p}/`);
  if (ordered.length > LISTED) lines.push(`                         and ${ordered.length - LISTED} more on ${base}`);
  return lines;
}

export interface BannerInput {
  apiUrl: string;
  settings: LocalSettings;
  /** the periods whose reports are published (the publisher's records) */
  published: readonly string[];
  keysNote: string;
  nextSchedules: ReadonlyArray<{ name: string; at: Date }>;
}

export function startBanner(b: BannerInput): string {
  const env = cliEnvironment(b.settings, b.apiUrl);
  return [
    '',
    `  API                  ${b.apiUrl}/v1/   (criteria: ${b.apiUrl}/v1/criteria, OpenAPI: ${b.apiUrl}/v1/openapi.json)`,
    `  Public reports       ${b.apiUrl}/reports/   (the latest: ${b.apiUrl}/reports/latest/)`,
    ...publishedLines(`${b.apiUrl}/reports/`, b.published),
    `  Committee reports    ${b.apiUrl}/committee/   (your browser asks for a password: give the committee key)`,
    ...publishedLines(`${b.apiUrl}/committee/`, b.published),
    `  Keys                 ${b.keysNote}`,
    `  Next scheduled run   ${b.nextSchedules.map((n) => `${n.name} at ${n.at.toISOString()}`).join(', ')}`,
    `  Data                 ${b.settings.dataDir}   (remove it to start over)`,
    ...(env ? ['', '  The CLI (npm run dds -- …) reaches this stack, in another terminal, after:', `    ${env}`] : []),
    '',
    '  Ctrl+C stops everything.',
    '',
  ].join('\n');
}
