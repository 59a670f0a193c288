// Reads the action plan (§5) and the support tools (§4.2–4.7) straight from
// the strategy text, so the committed catalogs are checked against the
// source rather than against themselves.
const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

export interface SeedAction {
  n: number;
  section: string;
  title: string;
  owner: string;
  timing: string;
  budget: string;
  related: string;
  status: string;
}

const FIELDS = { Raakvlakken: 'related', Eigenaar: 'owner', Timing: 'timing', Budgetindicatie: 'budget', Status: 'status' } as const;

export function actionsFromSeed(seed: string): SeedAction[] {
  const lines = seed.split('\n');
  const from = lines.findIndex((l) => l.trim().startsWith('5.1 ACTIES IN HET KADER VAN DE HULPMIDDELEN'));
  const to = lines.findIndex((l, i) => i > from && l.trim().startsWith('6. BIJLAGEN'));
  if (from < 0 || to < 0) throw new Error('the action plan (§5) was not found in the seed');
  const out: SeedAction[] = [];
  let section = '';
  let current: SeedAction | undefined;
  let inTitle = false;
  for (const raw of lines.slice(from, to)) {
    const line = raw.trim();
    const heading = /^(5\.1\.[1-6]|5\.2)\s/.exec(line);
    if (heading) {
      section = heading[1]!;
      inTitle = false;
      continue;
    }
    const title = /^(\d{1,2})\.\s+(.+)$/.exec(line);
    if (title && Number(title[1]) === out.length + 1) {
      current = { n: Number(title[1]), section, title: title[2]!, owner: '', timing: '', budget: '', related: '', status: '' };
      out.push(current);
      inTitle = true;
      continue;
    }
    if (inTitle && current) {
      if (line === '' || line.startsWith('•')) inTitle = false;
      else current.title += ` ${line}`;
      continue;
    }
    const field = /^(Raakvlakken|Eigenaar|Timing|Budgetindicatie|Status)\s+(.+)$/.exec(line);
    if (field && current) current[FIELDS[field[1] as keyof typeof FIELDS]] = clean(field[2]!);
  }
  return out.map((a) => ({ ...a, title: clean(a.title), status: a.status.toLowerCase() }));
}

export interface SeedSupportTool {
  name: string;
  section: string;
  withActions: boolean;
  status: string;
}

const STATUS = /^(.*?)\s+(Ontwikkeld|In ontwikkeling|Te ontwikkelen)$/;

export function supportToolsFromSeed(seed: string): SeedSupportTool[] {
  const lines = seed.split('\n');
  const from = lines.findIndex((l) => l.trim().startsWith('4.2 HOOFD-E-LOKETTEN'));
  const to = lines.findIndex((l, i) => i > from && l.trim().startsWith('5. ACTIEPLAN'));
  if (from < 0 || to < 0) throw new Error('the support tools (§4.2–4.7) were not found in the seed');
  const out: SeedSupportTool[] = [];
  let section = '';
  let listing = false;
  let withActions = false;
  let pending = '';
  for (const raw of lines.slice(from, to)) {
    const line = raw.trim();
    const heading = /^(4\.[2-7])\s/.exec(line);
    if (heading) {
      section = heading[1]!;
      listing = false;
      pending = '';
      continue;
    }
    if (line === 'Hulpmiddelen waarvoor acties voorzien zijn' || line === 'Andere hulpmiddelen') {
      listing = true;
      withActions = line.startsWith('Hulpmiddelen');
      pending = '';
      continue;
    }
    if (!listing) continue;
    const tool = STATUS.exec(line);
    if (tool) {
      out.push({ name: clean(`${pending} ${tool[1]}`), section, withActions, status: tool[2]!.toLowerCase() });
      pending = '';
    } else if (line === '' || /[.:]$/.test(line))
      pending = ''; // a blank line, or a sentence: not part of a tool's name
    else pending += ` ${line}`;
  }
  return out;
}
