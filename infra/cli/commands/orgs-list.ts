import { dynamoOrganisationRegistry } from '../../../shared/adapters/organisation-registry.js';
import type { Organisation } from '../../../shared/domain/organisations.js';
import type { Command } from '../command.js';
import { printList } from '../table.js';

export const orgsList: Command = {
  name: 'orgs list',
  synopsis: '[--json]',
  summary: 'the registered organisations: id, name, kind, policy domain',
  help: ['--json    as JSON, for scripts'],
  options: { json: { type: 'boolean' } },
  async run(ctx, values) {
    const { ddb, names } = await ctx.stores();
    const orgs = (await dynamoOrganisationRegistry(ddb, names.control).list()).sort((a, b) =>
      a.organisationId.localeCompare(b.organisationId),
    );
    printList<Organisation>(ctx.out, {
      json: values.json === true,
      what: 'organisation(s)',
      rows: orgs,
      columns: [
        { header: 'organisationId', value: (o) => o.organisationId },
        { header: 'name', value: (o) => o.name },
        { header: 'kind', value: (o) => o.kind },
        { header: 'policyDomain', value: (o) => o.policyDomain },
      ],
    });
  },
};
