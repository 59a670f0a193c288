import { dynamoKeyStore } from '../../../shared/adapters/key-store.js';
import type { Command } from '../command.js';
import { CheckError, UsageError } from '../errors.js';

export const keysRevoke: Command = {
  name: 'keys revoke',
  synopsis: '<keyId>',
  summary: 'delete an API key by its id (the 8 characters after dds_, as keys list shows them)',
  options: {},
  positionals: { min: 1, max: 1, name: 'key id (see keys list)' },
  async run(ctx, _values, [keyId]) {
    if (!/^[0-9a-f]{8}$/.test(keyId!)) throw new UsageError(`"${keyId}" is not a key id: 8 characters 0-9 a-f, as keys list shows`);
    const { ddb, names } = await ctx.stores();
    const revoked = await dynamoKeyStore(ddb, names.control).revoke(keyId!);
    if (revoked.length === 0) throw new CheckError(`no key ${keyId}; see npm run dds -- keys list`);
    for (const k of revoked)
      ctx.out(
        `key ${k.keyId} revoked: role ${k.role}${k.organisationId ? `, organisation ${k.organisationId}` : ''}${k.eloketId ? `, e-loket ${k.eloketId}` : ''}${k.label ? ` (${k.label})` : ''}`,
      );
    // The API keeps keys it has found for a minute per container (cachedKeyStore).
    ctx.out('note: an API container that used this key in the last minute may still accept it for up to 60 seconds.');
  },
};
