// Reads the criteria of §2.2–2.6 straight from the strategy text, so the committed
// catalog can be checked against the source rather than against itself.
export interface SeedCriterion {
  id: string;
  text: string;
  details: string[];
}

const principles = [
  { code: 'SD', section: '2.2' },
  { code: 'GC', section: '2.3' },
  { code: 'DH', section: '2.4' },
  { code: 'DG', section: '2.5' },
  { code: 'BT', section: '2.6' },
] as const;

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

function sectionBody(lines: string[], start: string, end: string): string[] {
  const from = lines.findIndex((l) => l.trim().startsWith(`${start} `));
  const to = lines.findIndex((l, i) => i > from && l.trim().startsWith(`${end} `));
  if (from < 0 || to < 0) throw new Error(`section ${start} not found in seed`);
  return lines.slice(from + 1, to);
}

function bullets(body: string[]): { text: string; details: string[] }[] {
  const out: { text: string; details: string[] }[] = [];
  let current: { text: string; details: string[] } | undefined;
  let inDetail = false;
  for (const raw of body) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('•')) {
      current = { text: line.slice(1), details: [] };
      out.push(current);
      inDetail = false;
    } else if (line.startsWith('- ') && current) {
      current.details.push(line.slice(2));
      inDetail = true;
    } else if (current) {
      if (inDetail) {
        const last = current.details.length - 1;
        current.details[last] = `${current.details[last] ?? ''} ${line}`;
      } else current.text += ` ${line}`;
    }
  }
  return out.map((b) => ({ text: clean(b.text), details: b.details.map(clean) }));
}

export function criteriaFromSeed(seed: string): SeedCriterion[] {
  const lines = seed.split('\n');
  const result: SeedCriterion[] = [];
  for (const { code, section } of principles) {
    const g = bullets(sectionBody(lines, `${section}.1`, `${section}.2`));
    const i = bullets(sectionBody(lines, `${section}.2`, `${section}.3`));
    g.forEach((b, n) => result.push({ id: `${code}-G${n + 1}`, ...b }));
    i.forEach((b, n) => result.push({ id: `${code}-I${n + 1}`, ...b }));
  }
  return result;
}
