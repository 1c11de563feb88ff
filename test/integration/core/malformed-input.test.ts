// Malformed input to every operation of the contract: each gets a
// structured error, the process lives on, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, OP_NAMES } from '../../../shared/contract/index';
import { seedAudit, testCore, type TestCore } from './helpers/core-fixture';

let t: TestCore;
const MB = 'x'.repeat(1_000_000);

function snapshot() {
  const db = t.core.db;
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{ name: string }>).map((r) => r.name);
  const counts = Object.fromEntries(tables.map((n) => [n, (db.prepare(`SELECT count(*) AS n FROM "${n}"`).get() as { n: number }).n]));
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return { counts, changes };
}

function variants(op: string): Array<[string, unknown]> {
  const schema = contract[op as keyof typeof contract].input as z.ZodType & { shape?: Record<string, unknown> };
  const out: Array<[string, unknown]> = [
    ['a number', 42], ['a string', 'hello'], ['an array', [1, 2, 3]], ['true', true], ['a 1 MB string', MB],
    ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['a constructor key', JSON.parse('{"constructor": {"prototype": {"polluted": true}}}')],
    ['an unknown key', { surprise: 1 }],
  ];
  if (!schema.safeParse({}).success) out.push(['no fields', {}]);
  for (const key of Object.keys(schema.shape ?? {})) {
    out.push([`${key}: wrong type (number)`, { [key]: 12345 }]);
    out.push([`${key}: wrong type (object)`, { [key]: { nested: [1] } }]);
    out.push([`${key}: 1 MB string`, { [key]: MB }]);
    out.push([`${key}: __proto__ alongside`, JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(key)}: ${JSON.stringify(MB.slice(0, 300))}}`)]);
  }
  return out;
}

beforeAll(async () => {
  t = await testCore();
  const { audit } = await seedAudit(t);
  await t.call('responses.save', { auditId: audit.id, itemId: 's1.i1', value: { kind: 'compliance', answer: 'compliant' } });
});
afterAll(() => t.cleanup());

describe('malformed input', () => {
  it.each(OP_NAMES)('%s: every malformed input gets a structured error and writes nothing', async (op) => {
    for (const [label, input] of variants(op)) {
      const before = snapshot();
      const env = await t.dispatch(op, input);
      expect(env.ok, `${op} with ${label}`).toBe(false);
      if (env.ok) continue;
      expect(['invalid_input', 'rejected'], `${op} with ${label}: ${env.error.message}`).toContain(env.error.code);
      expect(env.error.message.length).toBeLessThan(2000);
      if (env.error.code === 'invalid_input') expect(env.error.fields?.length, `${op} with ${label}`).toBeGreaterThan(0);
      expect(snapshot(), `${op} with ${label}`).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
  });

  it('unknown operations get a structured error', async () => {
    const before = snapshot();
    for (const op of ['nope', 'audits.delete', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'audits.list ', '', 42, null, undefined, { op: 'x' }, MB]) {
      const env = await t.dispatch(op, {});
      expect(env.ok).toBe(false);
      if (!env.ok) {
        expect(env.error.code).toBe('unknown_operation');
        expect(env.error.message.length).toBeLessThan(200);
      }
    }
    expect(snapshot()).toEqual(before);
  });

  it('the store still works afterwards', async () => {
    const audits = await t.call('audits.list', {});
    expect(audits).toHaveLength(1);
    expect((await t.call('audits.verifyChain', { id: audits[0]!.id })).ok).toBe(true);
  });
});
