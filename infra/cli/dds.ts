// The operators' command line: npm run dds -- <command>. One module per
// command (commands/), one parser (command-line.ts), one place for settings
// (settings.ts). Exit codes: 0 done (or --help), 1 refused or unreachable, 2
// a mistake in the command line (the usage follows on stderr).
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { commandUsage, readCommandLine } from './command-line.js';
import { COMMANDS } from './commands/index.js';
import { commandContext, type CommandContext, type Io } from './context.js';
import { CheckError, UsageError } from './errors.js';
import { cliSettings } from './settings.js';

export async function main(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Promise<number> {
  const line = readCommandLine(argv, COMMANDS);
  if (line.kind === 'help') {
    io.out(line.text);
    return 0;
  }
  if (line.kind === 'mistake') {
    io.err(`${line.message}\n\n${line.usage}`);
    return 2;
  }
  let ctx: CommandContext | undefined;
  try {
    ctx = commandContext(cliSettings(env, line.aws ? 'aws' : 'local', cwd), io);
    await line.command.run(ctx, line.values, line.positionals);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`${err.message}\n\n${commandUsage(line.command)}`);
      return 2;
    }
    if (err instanceof CheckError) {
      io.err(err.message);
      return 1;
    }
    io.err(`${line.command.name} failed: ${(err as Error).message}`);
    return 1;
  } finally {
    ctx?.close();
  }
}

const isEntry = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
})();

if (isEntry) {
  // A reader that stops early (`| head`) closes the pipe: end quietly, as other command-line tools do.
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      process.exit(process.exitCode ?? 0);
    });
  const code = await main(process.argv.slice(2), {
    out: (l) => console.log(l),
    err: (l) => console.error(l),
    progress: process.stderr,
  });
  process.exitCode = code;
}
