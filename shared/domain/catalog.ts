import { criteria2022_07 } from './catalog-2022-07.js';
import { PRINCIPLES, type Catalog, type Criterion, type Perspective, type Principle } from './catalog-types.js';

export * from './catalog-types.js';

export const PRINCIPLE_NAMES: Record<Principle, string> = {
  SD: 'Standaard digitaal',
  GC: 'Gebruiker centraal',
  DH: 'Digitaal herdacht',
  DG: 'Datagedreven',
  BT: 'Betrouwbaar',
};

export const PERSPECTIVE_NAMES: Record<Perspective, string> = {
  G: 'Gebruikerscriteria',
  I: 'Inclusiecriteria',
};

const ID = /^(SD|GC|DH|DG|BT)-(G|I)(\d+)$/;

function toCriterion(c: { id: string; text: string; details: string[] }): Criterion {
  const m = ID.exec(c.id);
  if (!m) throw new Error(`invalid criterion id ${c.id}`);
  return { ...c, principle: m[1] as Principle, perspective: m[2] as Perspective };
}

export const CATALOGS: Readonly<Record<string, Catalog>> = {
  '2022-07': { version: '2022-07', criteria: criteria2022_07.map(toCriterion) },
};

export const CURRENT_CATALOG_VERSION = '2022-07';

export function catalogFor(version: string): Catalog | undefined {
  return Object.hasOwn(CATALOGS, version) ? CATALOGS[version] : undefined;
}

export const isPrinciple = (s: string): s is Principle => (PRINCIPLES as readonly string[]).includes(s);
