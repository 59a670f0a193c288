// Reads a file the user named: relative to the folder the command was started
// in, decoded as a spreadsheet saved it, and told plainly when it is not there.
import { readFileSync } from 'node:fs';
import { decodeCsvBytes } from './csv/read-csv.js';
import type { CommandContext } from './context.js';
import { CheckError } from './errors.js';

export function readInputFile(ctx: CommandContext, file: string): { path: string; text: string } {
  const path = ctx.path(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CheckError(code === 'ENOENT' ? `no file ${path}` : `cannot read ${path}: ${(err as Error).message}`);
  }
  const { text, encoding } = decodeCsvBytes(bytes);
  if (encoding !== 'utf-8')
    ctx.err(`note: ${file} is not UTF-8; read it as Windows-1252 (what Excel's plain "CSV" gives). Save as "CSV UTF-8" to be sure.`);
  return { path, text };
}

/** At most `max` notes, then how many more. */
export function printNotes(ctx: CommandContext, file: string, notes: readonly string[], max = 10): void {
  for (const n of notes.slice(0, max)) ctx.out(`${file}: ${n}`);
  if (notes.length > max) ctx.out(`${file}: … and ${notes.length - max} more cell(s) read the same way`);
}
