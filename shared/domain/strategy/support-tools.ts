// The support tools (hulpmiddelen) of the strategy (seed §4.2–4.7), each with
// its type, whether the action plan has actions for it, and the status the
// seed gives it. The steering committee records later status changes
// (POST /v1/support-tools/{id}/status); the ids are ours, the rest is the
// seed's (test/unit/strategy-catalog.test.ts re-reads it and compares).
export const SUPPORT_TOOL_STATUSES = ['ontwikkeld', 'in ontwikkeling', 'te ontwikkelen'] as const;
export type SupportToolStatus = (typeof SUPPORT_TOOL_STATUSES)[number];

export const SUPPORT_TOOL_TYPES = {
  '4.2': 'Hoofd-e-loketten',
  '4.3': 'Digitale bouwstenen',
  '4.4': 'Methodes en richtlijnen',
  '4.5': 'Begeleiding en ondersteuning',
  '4.6': 'Opleidingen',
  '4.7': 'Governance',
} as const;
export type SupportToolSection = keyof typeof SUPPORT_TOOL_TYPES;

export interface SupportTool {
  id: string;
  name: string;
  section: SupportToolSection;
  /** listed under "Hulpmiddelen waarvoor acties voorzien zijn" rather than "Andere hulpmiddelen" */
  withActions: boolean;
  status: SupportToolStatus;
}

const tool = (id: string, name: string, section: SupportToolSection, withActions: boolean, status: SupportToolStatus): SupportTool => ({
  id,
  name,
  section,
  withActions,
  status,
});

export const SUPPORT_TOOLS: readonly SupportTool[] = [
  tool('mijn-burgerprofiel', 'Mijn Burgerprofiel', '4.2', true, 'ontwikkeld'),
  tool('e-loket-ondernemers', 'E-loket voor ondernemers', '4.2', true, 'ontwikkeld'),
  tool('verenigingsloket', 'Verenigingsloket (V-loket)', '4.2', true, 'in ontwikkeling'),
  tool('loket-lokale-besturen', 'Loket voor Lokale Besturen', '4.2', true, 'in ontwikkeling'),
  tool(
    'ehealth-toegangsbeheer',
    'Gebruikers- en toegangsbeheer van het eHealth-platform voor de zorgvoorzieningen',
    '4.3',
    true,
    'ontwikkeld',
  ),
  tool('lblod', 'Lokale Besluiten en geLinkte Open Data (LBLOD)', '4.3', true, 'ontwikkeld'),
  tool('vloca', 'Vlaamse Open City Architectuur (VLOCA)', '4.3', false, 'in ontwikkeling'),
  tool('bron-feitelijke-verenigingen', 'Bron feitelijke verenigingen', '4.3', false, 'in ontwikkeling'),
  tool('mandatensysteem', 'Mandatensysteem', '4.3', false, 'in ontwikkeling'),
  tool('datakluizen', 'Aangepaste dienstverlening via datakluizen (Datanutsbedrijf)', '4.3', false, 'in ontwikkeling'),
  tool('centraal-gegevensbeheer-burgers', 'Centraal gegevensbeheer voor burgers', '4.3', false, 'te ontwikkelen'),
  tool('centraal-register-authentieke-bronnen', 'Centraal register authentieke gegevensbronnen', '4.3', false, 'te ontwikkelen'),
  tool('service-toolkit', 'Service toolkit voor digitaal inclusief ontwerpen (incl. digitale stijlgids)', '4.4', true, 'in ontwikkeling'),
  tool('beste-praktijken-gebruikersonderzoek', 'Delen van beste praktijken m.b.t. gebruikersonderzoek', '4.4', true, 'te ontwikkelen'),
  tool('beste-praktijken-gebruikerstesten', 'Delen van beste praktijken m.b.t. gebruikerstesten', '4.4', true, 'te ontwikkelen'),
  tool('klachtenprocedure', 'Klachtenprocedure Vlaamse overheid', '4.4', false, 'ontwikkeld'),
  tool('hulpmiddelen-catalogus', 'Hulpmiddelen catalogus', '4.5', true, 'te ontwikkelen'),
  tool(
    'ondersteuning-implementatie',
    'Ondersteuning bij de implementatie van de digitale dienstverleningsstrategie',
    '4.5',
    true,
    'in ontwikkeling',
  ),
  tool(
    'ondersteuning-e-loketten-bouwstenen',
    'Ondersteuning bij het gebruik van de hoofd e-loketten en digitale bouwstenen',
    '4.5',
    true,
    'in ontwikkeling',
  ),
  tool('vlaio-contactcenter', 'VLAIO Contact Center voor ondernemers', '4.5', false, 'ontwikkeld'),
  tool('contactcenter-1700', 'Contactcenter 1700', '4.5', false, 'ontwikkeld'),
  tool('contactcenter-ehealth', 'Contactcenter eHealth-platform', '4.5', false, 'ontwikkeld'),
  tool('teletolk', 'Teletolk', '4.5', false, 'ontwikkeld'),
  tool('crm-platform', 'CRM-platform', '4.5', false, 'ontwikkeld'),
  tool('opleiding-digitale-inclusie', 'Opleiding rond digitale inclusie in projectmanagement', '4.6', true, 'te ontwikkelen'),
  tool('schrijfrichtlijnen-webplatform', 'Schrijfrichtlijnen webplatform', '4.6', false, 'ontwikkeld'),
  tool('digital-leaders-academy', 'Digital Leaders Academy', '4.6', false, 'ontwikkeld'),
  tool('opleiding-ux-writing', 'Opleiding rond UX writing', '4.6', false, 'te ontwikkelen'),
  tool(
    'opleiding-digitale-vaardigheden-loket',
    'Opleiding rond digitale vaardigheden voor front-office loketbedienden',
    '4.6',
    false,
    'te ontwikkelen',
  ),
  tool('aftoetsingsinstrument', 'Aftoetsingsinstrument', '4.7', true, 'te ontwikkelen'),
  tool('feedbackinstrument', 'Feedbackinstrument', '4.7', true, 'te ontwikkelen'),
];

export const supportToolById = (id: string): SupportTool | undefined => SUPPORT_TOOLS.find((t) => t.id === id);
