// The open licence of everything this system publishes for reuse: the public
// reports, their CSV files and metadata, and the API's document. The Flemish
// government's own model licence for free reuse (compatible with CC BY 4.0),
// the default of the Flemish open-data portal. Named in the README.
export const DATA_LICENCE = {
  name: 'Modellicentie Gratis Hergebruik – v1.0',
  url: 'https://data.vlaanderen.be/id/licentie/modellicentie-gratis-hergebruik/v1.0',
} as const;

/** Who publishes the reports: the body that steers and follows up the strategy (seed §3.2.1). */
export const PUBLISHER = { name: 'Stuurorgaan Vlaams Informatie- en ICT-beleid' } as const;
