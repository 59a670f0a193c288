import { dynamoKeyStore, type KeyRecord } from '../../../shared/adapters/key-store.js';
import type { Command } from '../command.js';
import { printList } from '../table.js';

export const keysList: Command = {
  name: 'keys list',
  synopsis: '[--json]',
  summary: 'every API key: id, role, organisation or e-loket, label, created (never the key or its hash)',
  help: ['--json    as JSON, for scripts'],
  options: { json: { type: 'boolean' } },
  async run(ctx, values) {
    const { ddb, names } = await ctx.stores();
    const keys = await dynamoKeyStore(ddb, names.control).list();
    printList<KeyRecord>(ctx.out, {
      json: values.json === true,
      what: 'key(s)',
      rows: keys,
      columns: [
        { header: 'keyId', value: (k) => k.keyId },
        { header: 'role', value: (k) => k.role },
        { header: 'org/eloket', value: (k) => k.organisationId ?? k.eloketId ?? '-' },
        { header: 'label', value: (k) => k.label || '-' },
        { header: 'createdAt', value: (k) => k.createdAt },
      ],
    });
  },
};
