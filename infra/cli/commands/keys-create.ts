import { dynamoEloketRegistry } from '../../../shared/adapters/eloket-registry.js';
import { dynamoKeyStore } from '../../../shared/adapters/key-store.js';
import { dynamoOrganisationRegistry } from '../../../shared/adapters/organisation-registry.js';
import { organisationIdSchema, ROLES, slugSchema, type Role } from '../../../shared/domain/vocabulary.js';
import { text, type Command } from '../command.js';
import { UsageError } from '../errors.js';

export const keysCreate: Command = {
  name: 'keys create',
  synopsis: '--role <role> [--org <organisationId> | --eloket <eloketId>] [--label <text>]',
  summary: 'issue an API key; the key is printed once, alone on the last line',
  help: [
    `roles: ${ROLES.join(', ')}`,
    '--org       the organisation of a service-provider key',
    '--eloket    the e-loket of an eloket-operator key',
    '--label     a note for keys list (whose key, what for)',
  ],
  options: { role: { type: 'string' }, org: { type: 'string' }, eloket: { type: 'string' }, label: { type: 'string' } },
  async run(ctx, values) {
    const role = text(values, 'role') as Role | undefined;
    const org = text(values, 'org');
    const eloket = text(values, 'eloket');
    const label = text(values, 'label');
    if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
    if (role === 'service-provider' && !organisationIdSchema.safeParse(org).success)
      throw new UsageError('a service-provider key needs --org <organisationId> (2–64 letters, digits, ".", "_", "-")');
    if (role === 'eloket-operator' && !slugSchema.safeParse(eloket).success)
      throw new UsageError('an eloket-operator key needs --eloket <eloketId>');
    if (role !== 'service-provider' && org) throw new UsageError('--org belongs to service-provider keys only');
    if (role !== 'eloket-operator' && eloket) throw new UsageError('--eloket belongs to eloket-operator keys only');
    const { ddb, names } = await ctx.stores();
    if (eloket) {
      const known = await dynamoEloketRegistry(ddb, names.control).list();
      if (!known.some((e) => e.id === eloket))
        throw new UsageError(
          `unknown e-loket "${eloket}"; known: ${known.map((e) => e.id).join(', ')} (register a thematic one with: eloketten add)`,
        );
    }
    if (org) {
      const registered = (await dynamoOrganisationRegistry(ddb, names.control).list()).map((o) => o.organisationId);
      const sameButCase = registered.find((id) => id !== org && id.toLowerCase() === org.toLowerCase());
      // The API refuses an id that differs from a registered one only by case: such a key could post nothing.
      if (sameButCase) throw new UsageError(`--org ${org} differs only by case from the registered ${sameButCase}: write ${sameButCase}`);
      if (!registered.includes(org))
        ctx.err(
          `note: ${org} is not in the organisation register: reports show its id instead of a name, and its services are compared with peers without a policy domain; add it with: npm run dds -- orgs import <file.csv>`,
        );
    }
    const { key, principal } = await dynamoKeyStore(ddb, names.control).create({
      role,
      ...(org ? { organisationId: org } : {}),
      ...(eloket ? { eloketId: eloket } : {}),
      ...(label ? { label } : {}),
    });
    const scope = principal.organisationId
      ? `, organisation ${principal.organisationId}`
      : principal.eloketId
        ? `, e-loket ${principal.eloketId}`
        : '';
    ctx.out(`key ${principal.keyId} created: role ${principal.role}${scope}`);
    ctx.out('store it now: only its hash is kept.');
    ctx.out(key);
  },
};
