// Reads the command line against the table of commands: which command, its
// options (node:util parseArgs, strict: an unknown option is an error), and
// the usage texts that --help prints and that follow a mistake.
import { parseArgs } from 'node:util';
import type { Command, Values } from './command.js';

const GLOBAL_OPTIONS = { aws: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export type CommandLine =
  | { kind: 'help'; text: string }
  | { kind: 'mistake'; message: string; usage: string }
  | { kind: 'run'; command: Command; values: Values; positionals: string[]; aws: boolean };

const PROGRAM = 'npm run dds --';

export function globalUsage(commands: readonly Command[]): string {
  const lines = [
    `usage: ${PROGRAM} [--aws] <command> [options]`,
    `       ${PROGRAM} <command> --help     the options of one command`,
    '',
    '  Without --aws the CLI works on the local stack (npm start): the same settings as',
    '  npm start (PORT, AWS_ENDPOINT_URL_DYNAMODB, AWS_ENDPOINT_URL_S3, DDS_RESOURCE_PREFIX).',
    '  With --aws it works on the deployed stacks, named only by their outputs:',
    '  CONTROL_TABLE, SUBMISSIONS_TABLE, PROJECTIONS_TABLE, FEEDBACK_COMMENTS_TABLE, PUBLIC_BUCKET,',
    '  COMMITTEE_BUCKET (and DDS_API_URL, DDS_PUBLIC_REPORTS_URL, DDS_CODE_VERSION, and for dlq',
    '  STREAM_FAILURES_QUEUE_URL), with your AWS credentials.',
    '  Relative file paths start from the folder you run the command in.',
    '',
    'commands:',
  ];
  for (const c of commands) lines.push(`  ${[c.name, c.synopsis].filter(Boolean).join(' ')}`, `      ${c.summary}`);
  return lines.join('\n');
}

export function commandUsage(c: Command): string {
  return [
    `usage: ${PROGRAM} [--aws] ${[c.name, c.synopsis].filter(Boolean).join(' ')}`,
    '',
    `  ${c.summary}`,
    ...(c.help ?? []).map((l) => (l ? `  ${l}` : l)),
  ].join('\n');
}

function groupUsage(group: string, commands: readonly Command[]): string {
  return [`usage: ${PROGRAM} [--aws] ${group} <${commands.map((c) => c.name.split(' ')[1]).join('|')}> [options]`, '']
    .concat(commands.flatMap((c) => [`  ${[c.name, c.synopsis].filter(Boolean).join(' ')}`, `      ${c.summary}`]))
    .join('\n');
}

export function readCommandLine(argv: readonly string[], commands: readonly Command[]): CommandLine {
  let aws = false;
  let help = false;
  let i = 0;
  // Global options before the command.
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const a = argv[i]!;
    if (a === '--aws') aws = true;
    else if (a === '--help' || a === '-h') help = true;
    else return { kind: 'mistake', message: `unknown option ${a}`, usage: globalUsage(commands) };
  }
  const words = argv.slice(i);
  const command = commands
    .filter((c) => {
      const name = c.name.split(' ');
      return name.every((w, k) => words[k] === w);
    })
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!command) {
    const first = words[0];
    if (first === undefined)
      return help
        ? { kind: 'help', text: globalUsage(commands) }
        : { kind: 'mistake', message: 'no command given', usage: globalUsage(commands) };
    const group = commands.filter((c) => c.name.split(' ')[0] === first && c.name.includes(' '));
    if (group.length === 0) return { kind: 'mistake', message: `unknown command: ${first}`, usage: globalUsage(commands) };
    const second = words[1];
    if (help || second === '--help' || second === '-h') return { kind: 'help', text: groupUsage(first, group) };
    const message = second === undefined || second.startsWith('-') ? `${first}: name what to do` : `unknown command: ${first} ${second}`;
    return { kind: 'mistake', message, usage: groupUsage(first, group) };
  }
  const rest = words.slice(command.name.split(' ').length);
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, ...GLOBAL_OPTIONS },
      allowPositionals: true,
      strict: true,
    }) as typeof parsed;
  } catch (err) {
    // parseArgs says e.g. "Unknown option '--nope'. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- \"--nope\"'"
    const message = (err as Error).message.replace(/\. To specify a positional argument.*$/s, '');
    return { kind: 'mistake', message, usage: commandUsage(command) };
  }
  if (help || parsed.values.help === true) return { kind: 'help', text: commandUsage(command) };
  const { min, max, name } = command.positionals ?? { min: 0, max: 0, name: '' };
  if (parsed.positionals.length > max)
    return { kind: 'mistake', message: `unexpected argument "${parsed.positionals[max]}"`, usage: commandUsage(command) };
  if (parsed.positionals.length < min) return { kind: 'mistake', message: `name the ${name}`, usage: commandUsage(command) };
  return { kind: 'run', command, values: parsed.values, positionals: parsed.positionals, aws: aws || parsed.values.aws === true };
}
