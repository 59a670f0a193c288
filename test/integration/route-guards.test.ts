// Every route is guarded as the topology declares it, by the real handler
// modules behind the local server: a public route needs no key; any other
// answers 401 without a key, 403 to a key of a role it does not list, and lets
// the roles it lists (and admin) through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../infra/local/local-stack.js';
import { functionSpecs, type Route } from '../../infra/topology.js';
import { ROLES, type Role } from '../../shared/domain/vocabulary.js';
import { standIns } from '../support/stand-ins.js';

let stack: LocalStack;
const keys = {} as Record<Role, string>;

beforeAll(async () => {
  const env = await standIns('guards');
  stack = await startLocalStack({ settings: env.settings, standIns: false, poll: false });
  for (const role of ROLES) {
    keys[role] = (
      await stack.keys.create({
        role,
        ...(role === 'service-provider' ? { organisationId: 'OVO000123' } : {}),
        ...(role === 'eloket-operator' ? { eloketId: 'mijn-burgerprofiel' } : {}),
      })
    ).key;
  }
});

afterAll(async () => {
  await stack?.stop();
});

const routes = functionSpecs().flatMap(([name, spec]) => ((spec.routes ?? []) as readonly Route[]).map((r) => ({ name, ...r })));

/** A concrete URL for a route: its own organisation for path parameters, so scope never hides the role check. */
const urlOf = (path: string) =>
  path.replace('{organisationId}', 'OVO000123').replace('{serviceId}', 'omgevingsvergunning').replace('{proxy+}', '2026-Q3/');

async function call(r: (typeof routes)[number], key?: string): Promise<number> {
  const res = await fetch(`${stack.apiUrl}${urlOf(r.path)}`, {
    method: r.method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(r.method === 'POST' ? { 'content-type': 'application/json' } : {}) },
    ...(r.method === 'POST' ? { body: '{}' } : {}),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('the guard, as the topology declares each route', () => {
  it('covers routes of both kinds', () => {
    expect(routes.filter((r) => r.auth === 'public').length).toBeGreaterThan(0);
    expect(routes.filter((r) => r.auth !== 'public').length).toBeGreaterThan(0);
  });

  for (const r of routes) {
    const label = `${r.method} ${r.path} (${r.name})`;
    if (r.auth === 'public') {
      it(`${label} is open without a key`, async () => {
        expect([401, 403]).not.toContain(await call(r));
      });
      continue;
    }
    const allowed = r.auth.roles;
    it(`${label} needs a key of role ${allowed.join(' or ')} (or admin)`, async () => {
      expect(await call(r)).toBe(401);
      expect(await call(r, 'dds_00000000_notakeyatallnotakeyatallnotakeyatallnotakey')).toBe(401);
      for (const role of ROLES) {
        const status = await call(r, keys[role]);
        if (role === 'admin' || allowed.includes(role)) expect([401, 403], `${role} must pass`).not.toContain(status);
        else expect(status, `${role} must be refused`).toBe(403);
      }
    });
  }
});
