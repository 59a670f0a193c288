// How the feedback and maturity commands refuse: wrong options (the CLI
// prints its usage) or input that was read and refused (nothing was done).
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ResourceName } from '../../topology.js';

export class OptionError extends Error {}
export class InputError extends Error {}

/** Where a command works: the document client and the physical names of the topology's resources. */
export interface CommandTarget {
  ddb: DynamoDBDocumentClient;
  names: Record<ResourceName, string>;
}
