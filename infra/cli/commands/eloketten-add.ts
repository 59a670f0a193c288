import { dynamoEloketRegistry } from '../../../shared/adapters/eloket-registry.js';
import { slugSchema } from '../../../shared/domain/vocabulary.js';
import { text, type Command } from '../command.js';
import { UsageError } from '../errors.js';

export const elokettenAdd: Command = {
  name: 'eloketten add',
  synopsis: '<eloketId> --name <name>',
  summary: 'register a thematic e-loket beside the four main ones',
  help: ['eloketId: lowercase letters, digits and "-", e.g. omgevingsloket'],
  options: { name: { type: 'string' } },
  positionals: { min: 1, max: 1, name: 'e-loket (its id: lowercase letters, digits and "-")' },
  async run(ctx, values, [id]) {
    if (!slugSchema.safeParse(id).success) throw new UsageError(`"${id}" is not an e-loket id: lowercase letters, digits and "-"`);
    const name = text(values, 'name');
    if (!name) throw new UsageError('give the e-loket a --name');
    const { ddb, names } = await ctx.stores();
    await dynamoEloketRegistry(ddb, names.control).register(id!, name);
    ctx.out(`e-loket ${id} registered`);
  },
};
