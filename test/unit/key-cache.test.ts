import { describe, expect, it } from 'vitest';
import { cachedKeyStore, type KeyStore, type Principal } from '../../shared/adapters/key-store.js';

describe('key lookups per container', () => {
  it('remembers a found key for a minute and never an unknown one', async () => {
    const calls: string[] = [];
    const known: Principal = { keyId: 'abcd1234', role: 'service-provider', organisationId: 'OVO1' };
    const inner: KeyStore = {
      create: async () => {
        throw new Error('unused');
      },
      lookup: async (k) => {
        calls.push(k);
        return k === 'good' ? known : null;
      },
    };
    let clock = 0;
    const store = cachedKeyStore(inner, 60_000, () => clock);
    expect(await store.lookup('good')).toEqual(known);
    expect(await store.lookup('good')).toEqual(known);
    expect(await store.lookup('bad')).toBeNull();
    expect(await store.lookup('bad')).toBeNull();
    clock = 60_001;
    expect(await store.lookup('good')).toEqual(known);
    expect(calls).toEqual(['good', 'bad', 'bad', 'good']);
  });
});
