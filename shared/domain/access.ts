// Who is calling, as the guard found it from the API key, and the scope rules
// every use case applies: a provider acts for its own organisation, an e-loket
// operator for its own e-loket; the committee reads everything; admin may do all.
import type { Role } from './vocabulary.js';

export interface Caller {
  keyId: string;
  role: Role;
  organisationId?: string;
  eloketId?: string;
}

export const readsEverything = (c: Caller): boolean => c.role === 'admin' || c.role === 'steering-committee';

/** May this caller read what belongs to `organisationId`? */
export const mayReadOrganisation = (c: Caller, organisationId: string): boolean =>
  readsEverything(c) || (c.role === 'service-provider' && c.organisationId === organisationId);
