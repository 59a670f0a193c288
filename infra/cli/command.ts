// A command of the CLI: its words, what it is for, its options, and what it does.
import type { ParseArgsConfig } from 'node:util';
import type { CommandContext } from './context.js';

export type Options = NonNullable<ParseArgsConfig['options']>;
export type Values = Record<string, string | boolean | undefined>;

export interface Command {
  /** the words that name it: "keys create" */
  name: string;
  /** one line for the overview */
  summary: string;
  /** what follows the name: "--role <role> [--org <id>]" */
  synopsis: string;
  /** more lines for `<command> --help` */
  help?: string[];
  options: Options;
  /** how many positional arguments it takes */
  positionals?: { min: number; max: number; name: string };
  run(ctx: CommandContext, values: Values, positionals: string[]): Promise<void>;
}

/** A string option's value. */
export const text = (values: Values, name: string): string | undefined => {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
};

/** "1 row", "2 rows": a count with its noun, in the singular for one. */
export const plural = (n: number, noun: string, nouns = `${noun}s`): string => `${n} ${n === 1 ? noun : nouns}`;
