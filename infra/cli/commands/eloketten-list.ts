import { dynamoEloketRegistry, type Eloket } from '../../../shared/adapters/eloket-registry.js';
import type { Command } from '../command.js';
import { printList } from '../table.js';

export const elokettenList: Command = {
  name: 'eloketten list',
  synopsis: '[--json]',
  summary: 'the e-loketten that may report service counts: the four main ones and the thematic ones registered',
  help: ['--json    as JSON, for scripts'],
  options: { json: { type: 'boolean' } },
  async run(ctx, values) {
    const { ddb, names } = await ctx.stores();
    const eloketten = await dynamoEloketRegistry(ddb, names.control).list();
    printList<Eloket>(ctx.out, {
      json: values.json === true,
      what: 'e-loket(ten)',
      rows: eloketten,
      columns: [
        { header: 'eloketId', value: (e) => e.id },
        { header: 'kind', value: (e) => (e.main ? 'main' : 'thematic') },
        { header: 'name', value: (e) => e.name },
      ],
    });
  },
};
