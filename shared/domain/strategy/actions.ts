// The 21 actions of the strategy's action plan (seed §5), each as the seed
// describes it: its title, owner, timing, budget indication, related actions
// and its first status. The steering committee records later status changes
// (POST /v1/actions/{n}/status); test/unit/strategy-catalog.test.ts re-reads
// this list from the seed and compares.
export const ACTION_STATUSES = ['op te starten', 'lopend', 'afgerond'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface StrategyAction {
  n: number;
  /** the seed's section: 5.1.1 … 5.1.6 (support tools) or 5.2 (putting the strategy into operation) */
  section: string;
  title: string;
  owner: string;
  timing: string;
  budget: string;
  /** "Raakvlakken": the related actions, as the seed words it */
  related: string;
  status: ActionStatus;
}

export const ACTION_SECTIONS: Record<string, string> = {
  '5.1.1': 'Acties met betrekking tot de hoofd e-loketten',
  '5.1.2': 'Acties met betrekking tot digitale bouwstenen',
  '5.1.3': 'Acties met betrekking tot methodes en richtlijnen',
  '5.1.4': 'Acties met betrekking tot begeleiding en ondersteuning',
  '5.1.5': 'Acties met betrekking tot opleidingen',
  '5.1.6': 'Acties met betrekking tot de governance',
  '5.2': 'Acties in het kader van de operationalisering',
};

const PROVIDER = 'Afhankelijk van de aanbieder/het project';
const SERVICE = 'Afhankelijk van de dienst/het project';
const STUURORGAAN = 'Stuurorgaan Vlaams Informatie- en ICT-beleid';

export const STRATEGY_ACTIONS: readonly StrategyAction[] = [
  {
    n: 1,
    section: '5.1.1',
    title: 'Verder uitbouwen van Mijn Burgerprofiel',
    owner: 'Agentschap Digitaal Vlaanderen',
    timing: 'Te bepalen door het agentschap Digitaal Vlaanderen',
    budget: PROVIDER,
    related: 'Acties 5 en 11',
    status: 'lopend',
  },
  {
    n: 2,
    section: '5.1.1',
    title: 'Verder uitbouwen van het e-loket voor ondernemers',
    owner: 'Agentschap VLAIO',
    timing: 'Te bepalen door het agentschap VLAIO',
    budget: PROVIDER,
    related: 'Acties 5 en 11',
    status: 'lopend',
  },
  {
    n: 3,
    section: '5.1.1',
    title: 'Uitbouwen van het Verenigingsloket (V-loket)',
    owner: 'Departement Cultuur, Jeugd en Media',
    timing: 'Te bepalen door het Departement Cultuur, Jeugd en Media',
    budget: PROVIDER,
    related: 'Acties 5 en 11',
    status: 'lopend',
  },
  {
    n: 4,
    section: '5.1.1',
    title: 'Verder uitbouwen van het Loket voor Lokale Besturen',
    owner: 'Agentschap Binnenlands Bestuur',
    timing: 'Te bepalen door het agentschap Binnenlands Bestuur',
    budget: PROVIDER,
    related: 'Acties 5 en 11',
    status: 'lopend',
  },
  {
    n: 5,
    section: '5.1.2',
    title: 'De aanbieders passen hun digitale bouwstenen doorlopend aan waar nodig',
    owner: 'Aanbieder van digitale bouwstenen',
    timing: 'Doorlopend',
    budget: PROVIDER,
    related: 'Acties 1, 2, 3, 4 en 11',
    status: 'lopend',
  },
  {
    n: 6,
    section: '5.1.3',
    title: 'Samenstellen van een service toolkit voor digitaal inclusief ontwerpen (incl. digitale stijlgids)',
    owner: 'Agentschap Digitaal Vlaanderen',
    timing: 'Middellange termijn',
    budget: 'Laag',
    related: 'Acties 7 en 8',
    status: 'op te starten',
  },
  {
    n: 7,
    section: '5.1.3',
    title: 'Delen van beste praktijken m.b.t. gebruikersonderzoek',
    owner: STUURORGAAN,
    timing: 'Korte termijn',
    budget: 'Laag',
    related: 'Actie 8',
    status: 'op te starten',
  },
  {
    n: 8,
    section: '5.1.3',
    title: 'Delen van beste praktijken m.b.t. gebruikerstesten',
    owner: STUURORGAAN,
    timing: 'Korte termijn',
    budget: 'Laag',
    related: 'Actie 7',
    status: 'op te starten',
  },
  {
    n: 9,
    section: '5.1.4',
    title: 'Ontwerpen van een hulpmiddelen-catalogus',
    owner: 'Agentschap Digitaal Vlaanderen',
    timing: 'Middellange termijn',
    budget: 'Laag',
    related: 'Actie 11',
    status: 'op te starten',
  },
  {
    n: 10,
    section: '5.1.4',
    title: 'Ondersteuning bij de implementatie van de digitale dienstverleningsstrategie',
    owner: 'Agentschap Digitaal Vlaanderen',
    timing: 'Middellange termijn',
    budget: 'Medium',
    related: 'Actie 11',
    status: 'lopend',
  },
  {
    n: 11,
    section: '5.1.4',
    title: 'Ondersteuning bij het gebruik van de hoofd e-loketten en digitale bouwstenen',
    owner: 'Aanbieders van hoofd e-loketten en digitale bouwstenen',
    timing: 'Doorlopend',
    budget: PROVIDER,
    related: 'Actie 5',
    status: 'lopend',
  },
  {
    n: 12,
    section: '5.1.5',
    title: 'Ontwerpen van een opleiding digitale inclusie in projectmanagement',
    owner: STUURORGAAN,
    timing: 'Lange termijn',
    budget: 'Hoog',
    related: 'Actie 11',
    status: 'op te starten',
  },
  {
    n: 13,
    section: '5.1.6',
    title: 'Ontwikkelen van een aftoetsingsinstrument',
    owner: STUURORGAAN,
    timing: 'Korte termijn',
    budget: 'Medium',
    related: 'Alle acties i.v.m. operationalisering',
    status: 'op te starten',
  },
  {
    n: 14,
    section: '5.1.6',
    title: 'Ontwikkelen van een feedbackinstrument',
    owner: 'Agentschap Digitaal Vlaanderen',
    timing: 'Middellange termijn',
    budget: 'Medium',
    related: 'Alle acties i.v.m. operationalisering',
    status: 'op te starten',
  },
  {
    n: 15,
    section: '5.2',
    title: 'Inrichten van een werkgroep digitale dienstverlening',
    owner: STUURORGAAN,
    timing: 'Korte termijn',
    budget: 'Laag',
    related: 'Alle acties waarbij deze werkgroep aangeduid kan worden als uitvoerder',
    status: 'op te starten',
  },
  {
    n: 16,
    section: '5.2',
    title: 'Opmaken van operationele indicatoren om de implementatie van de digitale dienstverleningsstrategie meetbaar te maken',
    owner: STUURORGAAN,
    timing: 'Korte termijn',
    budget: 'Medium',
    related: 'Acties 13 en 20',
    status: 'op te starten',
  },
  {
    n: 17,
    section: '5.2',
    title:
      'Opzetten van externe communicatie om de gebruikers te informeren over de ambities van de Vlaamse overheden met betrekking tot de digitale dienstverleningsstrategie',
    owner: STUURORGAAN,
    timing: 'Korte termijn',
    budget: 'Medium',
    related: 'Acties 15 en 18',
    status: 'op te starten',
  },
  {
    n: 18,
    section: '5.2',
    title:
      'Opzetten van interne communicatie om de dienstverleners, de aanbieders en andere spelers binnen de Vlaamse overheden te informeren over de digitale dienstverleningsstrategie',
    owner: STUURORGAAN,
    timing: 'Korte termijn',
    budget: 'Medium',
    related: 'Acties 15 en 17',
    status: 'op te starten',
  },
  {
    n: 19,
    section: '5.2',
    title: 'Opnemen van de digitale dienstverleningsstrategie in het eigen ondernemingsplan door de dienstverleners',
    owner: 'Dienstverleners',
    timing: 'Middellange termijn',
    budget: 'Medium',
    related: 'Actie 10',
    status: 'op te starten',
  },
  {
    n: 20,
    section: '5.2',
    title: 'Uitvoeren van een aftoetsingsmeting',
    owner: 'Dienstverleners',
    timing: 'Doorlopend',
    budget: SERVICE,
    related: 'Acties 13',
    status: 'op te starten',
  },
  {
    n: 21,
    section: '5.2',
    title: 'Toevoegen van een feedbackmogelijkheid',
    owner: 'Dienstverleners',
    timing: 'Doorlopend',
    budget: SERVICE,
    related: 'Actie 14',
    status: 'op te starten',
  },
];

/** The action numbered `n` ("7" in the path), or undefined. */
export function actionByNumber(n: string): StrategyAction | undefined {
  if (!/^[1-9]\d?$/.test(n)) return undefined;
  return STRATEGY_ACTIONS.find((a) => a.n === Number(n));
}
