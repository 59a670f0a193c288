// Issue 8, point 16: every `npm run dds -- …` command the runbook names is a
// command the CLI has, with options it takes; the runbook names the commands
// an operator needs; its links point at its own sections.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCommandLine } from '../../infra/cli/command-line.js';
import { COMMANDS } from '../../infra/cli/commands/index.js';

const RUNBOOK_TEXT = readFileSync(new URL('../../docs/runbook.md', import.meta.url), 'utf8');

/** A heading's anchor as GitHub makes it. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');

const runbookAnchors = () => new Set([...RUNBOOK_TEXT.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));

/** Shell words, with '…' and "…" quoting. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

const commandLines = () => [...RUNBOOK_TEXT.matchAll(/npm run dds -- ([^`\n]+)/g)].map((m) => m[1]!.replace(/\s+#.*$/, '').trim());

describe('the runbook', () => {
  it('names only commands the CLI has, each with options it takes', () => {
    const lines = commandLines();
    expect(lines.length).toBeGreaterThanOrEqual(20);
    const wrong = lines.flatMap((l) => {
      const parsed = readCommandLine(words(l), COMMANDS);
      return parsed.kind === 'run' ? [] : [`npm run dds -- ${l}: ${parsed.kind === 'mistake' ? parsed.message : 'help'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('names the commands of every procedure: dead letters, rebuild, republish, keys', () => {
    const used = new Set(
      commandLines().map((l) => {
        const parsed = readCommandLine(words(l), COMMANDS);
        return parsed.kind === 'run' ? `${parsed.aws ? '--aws ' : ''}${parsed.command.name}` : '';
      }),
    );
    for (const name of ['dlq list', 'dlq redrive', '--aws dlq list', '--aws dlq redrive', '--aws rebuild', '--aws report'])
      expect(used).toContain(name);
    for (const name of ['--aws keys list', '--aws keys create', '--aws keys revoke']) expect(used).toContain(name);
  });

  it('links only to its own sections', () => {
    const anchors = runbookAnchors();
    const links = [...RUNBOOK_TEXT.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !anchors.has(l))).toEqual([]);
  });
});
