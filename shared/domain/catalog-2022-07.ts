// The 52 criteria of the strategy (seed 003, §2.2–2.6), catalog version 2022-07.
// Texts are the seed's own words; test/unit/catalog.test.ts checks them against the seed.
import type { CriterionText } from './catalog-types.js';

export const criteria2022_07: readonly CriterionText[] = [
  { id: 'SD-G1', text: 'De zaken waarvoor ik vroeger een fysieke afspraak moest maken, kan ik nu volledig online regelen.', details: [] },
  {
    id: 'SD-G2',
    text: 'Als burger kies ik zelf of ik volledig digitaal wil gaan of niet, als onderneming gebeuren al mijn interacties volledig digitaal.',
    details: [],
  },
  {
    id: 'SD-G3',
    text: 'Ik kan tijdens iedere stap in het proces ondersteuning krijgen:',
    details: [
      'zowel asynchroon (24/7 via digitale hulpmiddelen),',
      'als van een persoon (digitaal, telefonisch of fysiek tijdens de dienstverleningsuren)',
    ],
  },
  {
    id: 'SD-G4',
    text: 'Ik kan voor digitale dienstverlening op 4 hoofd e-loketten terecht,',
    details: [
      'één voor elke doelgroep: burgers, ondernemingen, verenigingen en lokale overheden,',
      'naast een aantal andere doelgroepspecifieke of thematische e-loketten waar minstens naar verwezen wordt vanuit het gepaste hoofd e-loket.',
    ],
  },
  {
    id: 'SD-G5',
    text: 'Ik zie welke dienstverlening (nog niet) digitaal beschikbaar is en bij welke overheidsinstantie ik terecht kan voor contact en ondersteuning.',
    details: [],
  },
  {
    id: 'SD-G6',
    text: 'Ik hoef als gebruiker maar éénmalig digitaal in te loggen om tijdens mijn gebruik toegang te hebben tot alle digitale dienstverlening binnen een welbepaald thema.',
    details: [],
  },
  {
    id: 'SD-I1',
    text: 'We besteden aandacht aan een sterke interne en externe communicatie, zodat het aanbod en het gebruik van onze diensten duidelijk is voor iedereen.',
    details: [],
  },
  {
    id: 'SD-I2',
    text: 'We zorgen voor instructies bij de start en faciliteren de eerste stappen van het dienstverleningsproces.',
    details: [],
  },
  {
    id: 'SD-I3',
    text: 'We gebruiken eenvoudige taal, duidelijke visuele elementen en heldere instructies hoe de digitale dienst te gebruiken.',
    details: [],
  },
  {
    id: 'SD-I4',
    text: 'We ondersteunen gebruikers doorheen het proces:',
    details: [
      'We verwijzen gebruikers eerst door naar de website (‘click’),',
      'en helpen ze dan pas via telefoon of e-mail (‘call’),',
      'of als dat niet lukt, via een persoonlijke afspraak (‘connect’).',
    ],
  },
  {
    id: 'SD-I5',
    text: 'We bieden informatie met betrekking tot de dienst aan in de (digitale) context van de dienstverlening.',
    details: [],
  },
  {
    id: 'SD-I6',
    text: 'De gebruiker kan waar gewenst zich laten bijstaan door iemand die hij gemandateerd heeft om het proces in zijn naam te doorlopen.',
    details: [],
  },
  { id: 'GC-G1', text: 'Ik vind de processen die ik moet doorlopen eenvoudig en ik begrijp wat er van mij verwacht wordt.', details: [] },
  {
    id: 'GC-G2',
    text: 'De Vlaamse overheden vragen geregeld naar mijn noden en geven me de kans om mijn problemen en specifieke wensen met hen te delen.',
    details: [],
  },
  {
    id: 'GC-G3',
    text: 'Wanneer ik gebruik maak van de digitale dienstverlening, maakt het niet uit waar ik woon of welke dienst ik nodig heb. Ik word steeds begeleid naar de juiste plaats om van die dienstverlening gebruik te maken (‘no wrong door’ principe).',
    details: [],
  },
  { id: 'GC-G4', text: 'Ik heb steeds inzage in de actuele stand van zaken en de historiek van mijn dossier.', details: [] },
  {
    id: 'GC-I1',
    text: 'We ondersteunen de gebruikers tijdens de digitale dienstverlening op verschillende manieren:',
    details: [
      'Alle digitale kanalen voldoen aan de hedendaagse toegankelijkheidseisen (bijv. hoge contrasten voor slechtzienden, websites aangepast maken voor een screenreader, ...)',
      'De inhoud van websites is heerlijk helder en vlot leesbaar',
      'De stappen die moeten doorlopen worden in een digitale transactie zijn duidelijk en volgen een logica die alle gebruikers kunnen begrijpen.',
      'Gebruikers die bij het gebruik van digitale middelen ondersteuning nodig hebben kunnen beroep doen op extra hulp (bijv. telefonisch via het 1700 contactcenter of andere contactcentra, een FAQ op de website, interactie met een chatbot, schermdelen na afspraak ‘bel me op die datum’, ...)',
    ],
  },
  {
    id: 'GC-I2',
    text: 'We voeren gericht gebruikersonderzoek uit en letten hierbij vooral op kenmerken die tot uitsluiting leiden (vb. digitale vaardigheden, digitale geletterdheid, sociale achtergrond, opleidingsniveau, …)',
    details: [],
  },
  {
    id: 'GC-I3',
    text: 'We geven op geregelde tijdstippen gebruikers de kans feedback te geven over hun ervaringen (na afloop van de digitale transactie, na afloop van verstrekte ondersteuning, aan de hand van een doorlopende feedbackmogelijkheid, …)',
    details: [],
  },
  {
    id: 'GC-I4',
    text: 'We verlagen de moeilijkheidsgraad van de informatie die we aanbieden:',
    details: ['We geven instructies één per één', 'We gebruiken geen jargon', 'We gebruiken korte zinnen'],
  },
  {
    id: 'DH-G1',
    text: 'Waar mobiel voor mij een meerwaarde betekent, kan ik de diensten van de Vlaamse overheden vlot vanop mijn smartphone of tablet gebruiken.',
    details: [],
  },
  { id: 'DH-G2', text: 'Ik voel een beduidende verbetering in het doorlopen van processen. Alles gebeurt vlotter.', details: [] },
  {
    id: 'DH-G3',
    text: 'Processen waar ik voordien niet aan begon of waarbij ik na een tijdje afhaakte, zijn nu doenbaar en behapbaar.',
    details: [],
  },
  {
    id: 'DH-G4',
    text: 'Ik merk tijdens de afhandeling van het proces niet dat er meerdere overheden en/of partners betrokken zijn in de dienstverlening die ik ontvang.',
    details: [],
  },
  {
    id: 'DH-G5',
    text: 'Ik kan in alle transparantie volgen hoe goed de digitale dienstverlening van de Vlaamse overheden presteert. Ik krijg ook een overzicht van welke dienstverleningen er momenteel worden herdacht en verbeterd.',
    details: [],
  },
  {
    id: 'DH-I1',
    text: 'Waar dit een meerwaarde voor de gebruiker betekent, ontwerpen we de dienstverlening zodat ze ‘mobiel bruikbaar’ is, d.w.z. zodanig vereenvoudigd dat een gebruiker ze desgewenst op een smartphone of tablet kan uitvoeren.',
    details: [],
  },
  { id: 'DH-I2', text: 'Bij het herdenken van processen hebben we oog voor gebruiksvriendelijkheid, duidelijkheid en gemak.', details: [] },
  {
    id: 'DH-I3',
    text: 'Bij het herdenken van de processen houden we rekening met de verschillende niveaus van digitale maturiteit en het verschil in digitale vaardigheden van onze gebruikers.',
    details: [],
  },
  {
    id: 'DH-I4',
    text: 'We betrekken actief gebruikers in voorafgaand gebruikersonderzoek, bij het ontwerp in co-creatie van de processen, en bij bruikbaarheidstesten.',
    details: [],
  },
  {
    id: 'DH-I5',
    text: 'We betrekken tijdens het (her)ontwerp van de processen organisaties die het dichtst bij de doelgroep staan, om de dienstverlening te verbeteren (anderstaligen, ouderen, …).',
    details: [],
  },
  { id: 'DH-I6', text: 'We integreren een gemakkelijke toegang tot andere gerelateerde diensten.', details: [] },
  {
    id: 'DG-G1',
    text: 'Bepaalde processen waar ik voordien het risico liep van ze mis te lopen, gebeuren nu automatisch of ik word er automatisch aan herinnerd.',
    details: [
      'De Vlaamse overheden communiceren maatregelen die voor mij relevant kunnen zijn, op een proactieve manier.',
      'Mijn rechten worden mij proactief toegekend (ook al wist ik niet per se dat ik hier recht op had).',
    ],
  },
  {
    id: 'DG-G2',
    text: 'Ik moet geen gegevens meer doorgeven of aanpassen die de overheid al over mij bezit. Dit bespaart me tijd en frustratie.',
    details: [],
  },
  { id: 'DG-G3', text: 'Ik heb permanent inzage in de gegevens die de overheid over mij heeft.', details: [] },
  { id: 'DG-G4', text: 'Ik kan op een eenvoudige manier mijn gegevens laten verbeteren als hier fouten in zitten', details: [] },
  {
    id: 'DG-G5',
    text: 'Ik kan op een eenvoudige manier mijn toestemming geven om mijn gegevens al dan niet te laten gebruiken (waar wettelijk of reglementair mogelijk)',
    details: [],
  },
  {
    id: 'DG-G6',
    text: 'Ik merk dat de dienstverlening voortdurend verbetert doordat het “meten is weten” principe (bijv. via tevredenheidsonderzoek) wordt toegepast bij het ontwerpen of aanpassen van processen',
    details: [],
  },
  {
    id: 'DG-G7',
    text: 'Waar wettelijk of reglementair mogelijk kan ik vragen om mijn gegevens op een gestructureerde manier te ontvangen of rechtstreeks over te dragen aan een derde partij (recht op dataportabiliteit)',
    details: [],
  },
  {
    id: 'DG-I1',
    text: 'De noden van de gebruiker worden ook in volautomatische processen in het achterhoofd gehouden en beantwoord.',
    details: [],
  },
  {
    id: 'DG-I2',
    text: 'We sturen automatische meldingen als de gebruiker van iets belangrijks op de hoogte moet worden gebracht (het verstrijken van een deadline, het ontbreken van een dossierstuk, …).',
    details: [],
  },
  {
    id: 'DG-I3',
    text: 'We houden de gebruiker voortdurend op de hoogte doorheen het proces (hoe ver het staat met het dossier, of een beslissing genomen werd, …).',
    details: [],
  },
  {
    id: 'DG-I4',
    text: 'Bij het ontwerpen van onze diensten halen we inzichten uit verschillende bronnen en bekijken we de meetresultaten (bijv. barometer digitale inclusie).',
    details: [],
  },
  {
    id: 'DG-I5',
    text: "We meten niet alleen wie 'mee’ is', maar focussen vooral op wie 'niet mee ’ is'. We brengen in kaart waarom het gebruik van bepaalde diensten stroef verloopt en we passen deze diensten aan.",
    details: [],
  },
  {
    id: 'BT-G1',
    text: 'De Vlaamse overheden spreken dezelfde taal, bedienen op dezelfde manier en zijn in één oogopslag herkenbaar, wat vertrouwen bevordert.',
    details: [],
  },
  {
    id: 'BT-G2',
    text: 'Ik krijg een helder overzicht van wie met mijn gegevens mag werken en weet welke handelingen deze in mijn naam verricht.',
    details: [],
  },
  {
    id: 'BT-G3',
    text: 'Mijn privacy wordt gerespecteerd en ik kan als burger mijn privacyrechten overeenkomstig de algemene verordening gegevensbescherming uitoefenen.',
    details: [],
  },
  {
    id: 'BT-G4',
    text: 'Ik kan erop vertrouwen dat mijn informatie veilig is en dat beveiligingsrisico’s zoals hacking & phishing worden aangepakt en gecommuniceerd waar nodig.',
    details: [],
  },
  {
    id: 'BT-G5',
    text: 'Ik kan op ieder moment in het proces digitaal volgen wat de voortgang is en de geschatte doorlooptijd van volgende stappen zien.',
    details: [],
  },
  { id: 'BT-I1', text: 'We houden het simpel, helder en gebruiksvriendelijk.', details: [] },
  {
    id: 'BT-I2',
    text: 'Gebruikers moeten vanuit toegankelijk taalgebruik begrijpen wat de gevolgen zijn van een ‘klik’ en wat de oorzaken zijn van mogelijke fouten.',
    details: [],
  },
  { id: 'BT-I3', text: 'We maken keuzemogelijkheden expliciet.', details: [] },
  {
    id: 'BT-I4',
    text: 'We zorgen voor coherentie tussen onze digitale platformen:',
    details: [
      'We passen dezelfde grafische stijl toe op alle kanalen (e-mails, websites, sociale netwerken, …)',
      'We gebruiken een vertrouwd herkenningspunt (bijv. URL, logo, topmenu) van de Vlaamse overheid of lokale overheid om te tonen dat het om een officiële dienstverlening gaat.',
    ],
  },
];
