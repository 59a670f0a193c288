// The CLI's command line and settings, without any store: --help, mistakes and
// their exit codes, and what --aws reads (infra/cli/).
import { describe, expect, it } from 'vitest';
import { main } from '../../infra/cli/dds.js';
import { AWS_API_URL, AWS_PUBLIC_REPORTS_URL, AWS_STREAM_FAILURES_QUEUE_URL, cliSettings } from '../../infra/cli/settings.js';
import { resources } from '../../infra/topology.js';
import { formatTable } from '../../infra/cli/table.js';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), progress: process.stderr }, {});
  return { status, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('--help', () => {
  it('prints every command with its synopsis on stdout and exits 0', async () => {
    for (const args of [['--help'], ['-h']]) {
      const r = await run(...args);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\n')[0]).toBe('usage: npm run dds -- [--aws] <command> [options]');
      for (const c of [
        'keys create',
        'keys list [--json]',
        'keys revoke <keyId>',
        'orgs import',
        'orgs list',
        'eloketten add',
        'eloketten list',
      ])
        expect(r.stdout).toContain(`\n  ${c}`);
      for (const c of ['counts upload', 'assessment template', 'assessment upload', 'rebuild', 'report'])
        expect(r.stdout).toContain(`\n  ${c}`);
    }
  });

  it('prints one command\u2019s usage and options, after the command or before it', async () => {
    for (const args of [
      ['counts', 'upload', '--help'],
      ['--help', 'counts', 'upload'],
      ['counts', 'upload', '--period', '2026-Q3', '-h'],
    ]) {
      const r = await run(...args);
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n')[0]).toBe(
        'usage: npm run dds -- [--aws] counts upload --period <period> <file.csv> [--key <key>] [--eloket <eloketId>] [--api <url>] [--dry-run]',
      );
      expect(r.stdout).toContain('--dry-run  check the file and print what would be sent, without sending');
    }
  });

  it('prints a group\u2019s commands', async () => {
    const r = await run('keys', '--help');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('usage: npm run dds -- [--aws] keys <create|list|revoke> [options]');
  });
});

describe('mistakes', () => {
  it('go to stderr with the usage, exit 2, and print nothing on stdout', async () => {
    const cases: Array<[string[], string, string]> = [
      [[], 'no command given', 'usage: npm run dds -- [--aws] <command> [options]'],
      [['nope'], 'unknown command: nope', 'usage: npm run dds -- [--aws] <command> [options]'],
      [['--nope', 'rebuild'], 'unknown option --nope', 'usage: npm run dds -- [--aws] <command> [options]'],
      [['keys', 'rotate'], 'unknown command: keys rotate', 'usage: npm run dds -- [--aws] keys <create|list|revoke> [options]'],
      [['keys'], 'keys: name what to do', 'usage: npm run dds -- [--aws] keys <create|list|revoke> [options]'],
      [['keys', 'create', '--role', 'admin', '--bogus'], "Unknown option '--bogus'", 'usage: npm run dds -- [--aws] keys create'],
      [['keys', 'revoke'], 'name the key id (see keys list)', 'usage: npm run dds -- [--aws] keys revoke <keyId>'],
      [['keys', 'revoke', 'abc', 'def'], 'unexpected argument "def"', 'usage: npm run dds -- [--aws] keys revoke <keyId>'],
      [['rebuild', 'now'], 'unexpected argument "now"', 'usage: npm run dds -- [--aws] rebuild'],
      [['report', '--period', '2026-Q5'], '--period must be YYYY, YYYY-Qn or YYYY-MM', 'usage: npm run dds -- [--aws] report'],
      [
        ['counts', 'upload', '--period', '2026-Q3', 'x.csv'],
        'give the e-loket operator key with --key or DDS_API_KEY',
        'usage: npm run dds -- [--aws] counts upload',
      ],
      [
        ['assessment', 'template', '--org', 'OVO1'],
        '--service <serviceId> is needed (lowercase letters, digits and "-")',
        'usage: npm run dds -- [--aws] assessment template',
      ],
    ];
    for (const [argv, message, usage] of cases) {
      const r = await run(...argv);
      expect({ argv, status: r.status, stdout: r.stdout }).toEqual({ argv, status: 2, stdout: '' });
      expect(r.stderr.split('\n')[0]).toBe(message);
      expect(r.stderr.split('\n')[2]).toContain(usage);
    }
  });

  it('with --aws, names the stack outputs that are not set before touching anything', async () => {
    const r = await run('--aws', 'keys', 'list');
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      "--aws needs SUBMISSIONS_TABLE, PROJECTIONS_TABLE, CONTROL_TABLE, PUBLIC_BUCKET, COMMITTEE_BUCKET, FEEDBACK_COMMENTS_TABLE (the DdsMonitorStateful stack's outputs) and AWS credentials",
    );
  });
});

describe('--aws report', () => {
  it('refuses to publish without DDS_CODE_VERSION instead of naming a local code version', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const deployed = { CONTROL_TABLE: 'c', SUBMISSIONS_TABLE: 's', PROJECTIONS_TABLE: 'p', PUBLIC_BUCKET: 'pb', COMMITTEE_BUCKET: 'cb' };
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), progress: process.stderr };
    const status = await main(['--aws', 'report', '--period', '2026-Q3'], io, { ...deployed, DDS_CODE_VERSION: '' });
    expect(status).toBe(2);
    expect(err[0]?.split('\n')[0]).toBe(
      "--aws report needs DDS_CODE_VERSION: the code version deployed (the stack's codeVersion context; by default package.json's version)",
    );
    expect(out).toEqual([]);
  });
});

describe('settings', () => {
  const deployed = {
    CONTROL_TABLE: 'ctl',
    SUBMISSIONS_TABLE: 'sub',
    PROJECTIONS_TABLE: 'proj',
    PUBLIC_BUCKET: 'pub',
    COMMITTEE_BUCKET: 'com',
  };

  it('--aws reads only the deployed names and DDS_CODE_VERSION, never a local default', () => {
    const local = { PORT: '3999', AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8999', DDS_RESOURCE_PREFIX: 'x' };
    const s = cliSettings({ ...deployed, ...local, AWS_REGION: 'eu-central-1', DDS_CODE_VERSION: '1.4.0' }, 'aws', '/repo');
    expect(s.names).toEqual({ control: 'ctl', submissions: 'sub', projections: 'proj', publicReports: 'pub', committeeReports: 'com' });
    expect(s.clients).toEqual({ AWS_REGION: 'eu-central-1', AWS_ENDPOINT_URL_DYNAMODB: undefined, AWS_ENDPOINT_URL_S3: undefined });
    expect(s.codeVersion).toBe('1.4.0');
    expect(s.api.url).toBeUndefined();
    expect(s.ignored).toEqual(['AWS_ENDPOINT_URL_DYNAMODB']);
    expect(cliSettings(deployed, 'aws', '/repo').codeVersion).toBeUndefined();
    const withOutputs = cliSettings(
      {
        ...deployed,
        DDS_API_URL: 'https://abc.execute-api.eu-west-1.amazonaws.com/',
        DDS_PUBLIC_REPORTS_URL: 'https://d1.cloudfront.net/reports/',
      },
      'aws',
      '/repo',
    );
    expect(withOutputs.api.url).toBe('https://abc.execute-api.eu-west-1.amazonaws.com');
    expect(withOutputs.publicReportsBase).toBe('https://d1.cloudfront.net/');
    expect(withOutputs.committeeReportsBase).toBe('https://abc.execute-api.eu-west-1.amazonaws.com/');
    expect(cliSettings(deployed, 'aws', '/repo').publicReportsBase).toBe('s3://pub/');
  });

  it('locally, the same settings as npm start; relative paths start where npm run was started (INIT_CWD)', () => {
    const s = cliSettings({ PORT: '3999', DDS_RESOURCE_PREFIX: 'x', INIT_CWD: '/home/op/exports' }, 'local', '/repo');
    expect(s.api.url).toBe('http://127.0.0.1:3999');
    expect(s.api.fix).toBe('start it with npm start, or set PORT / --api');
    expect(s.codeVersion).toBe('local');
    expect(s.names.control).toBe('x-control');
    expect(s.names.publicReports).toBe('x-public-reports');
    expect(s.cwd).toBe('/home/op/exports');
    expect(cliSettings({}, 'local', '/repo').cwd).toBe('/repo');
  });
});

describe('tables', () => {
  it('align every column under its header', () => {
    expect(
      formatTable(
        [
          { header: 'id', value: (r: { id: string; name: string }) => r.id },
          { header: 'name', value: (r: { id: string; name: string }) => r.name },
        ],
        [
          { id: 'mijn-burgerprofiel', name: 'Mijn Burgerprofiel' },
          { id: 'x', name: 'X' },
        ],
      ),
    ).toEqual(['id                  name', 'mijn-burgerprofiel  Mijn Burgerprofiel', 'x                   X']);
  });
});

describe('the global usage', () => {
  it('names every variable that --aws reads', async () => {
    const out: string[] = [];
    expect(await main(['--help'], { out: (l) => out.push(l), err: () => {}, progress: process.stderr })).toBe(0);
    const usage = out.join('\n');
    const variables = [
      ...Object.values(resources).map((r) => r.env),
      AWS_API_URL,
      AWS_PUBLIC_REPORTS_URL,
      AWS_STREAM_FAILURES_QUEUE_URL,
      'DDS_CODE_VERSION',
    ];
    expect(variables.filter((v) => !usage.includes(v))).toEqual([]);
  });
});
