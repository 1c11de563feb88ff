// Validation messages in plain words: what a field shows for each of zod's
// built-in checks, the schemas' own messages kept, and the core's field
// errors (through dispatch) reading the same.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { plainMessage } from '../../../shared/zod-messages';
import { SiteInput } from '../../../shared/domain/site';
import { ProfileInput } from '../../../shared/domain/profile';
import { testCore } from '../../integration/core/helpers/core-fixture';

const first = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value, { error: plainMessage });
  return r.success ? null : r.error.issues[0]!.message;
};

describe('plain validation messages', () => {
  it.each([
    [z.string().max(40), 'x'.repeat(41), 'at most 40 characters'],
    [z.string().max(1), 'ab', 'at most 1 character'],
    [z.string().min(1), '', 'required'],
    [z.string().min(3), 'ab', 'at least 3 characters'],
    [z.number().min(0), -500, 'cannot be negative'],
    [z.number().positive(), 0, 'must be more than 0'],
    [z.number().max(168), 200, 'cannot be more than 168'],
    [z.number().int(), 1.5, 'enter a whole number'],
    [z.number(), 'abc', 'enter a number'],
    [z.number(), undefined, 'required'],
    [z.array(z.string()).min(1), [], 'choose at least one'],
    [z.array(z.string()).max(2), ['a', 'b', 'c'], 'at most 2 entries'],
    [z.enum(['a', 'b']), 'c', 'choose one of the options offered'],
    [z.email(), 'nope', 'enter an email address such as name@example.org'],
    [z.strictObject({ a: z.string() }), { a: 'x', b: 1 }, 'contains fields this version of Fairsite does not know'],
  ])('%#: %j → "%s"', (schema, value, message) => {
    expect(first(schema as z.ZodType, value)).toBe(message);
  });

  it('never shows zod developer words for any built-in check', () => {
    const words = /Too (big|small)|expected|Invalid|<=|>=/;
    const cases: Array<[z.ZodType, unknown]> = [[z.string().max(5), 'xxxxxxx'], [z.number().gte(1), 0], [z.boolean(), 'x'], [z.uuid(), 'x'], [z.url(), 'x'], [z.union([z.string(), z.number()]), true]];
    for (const [s, v] of cases) expect(first(s, v)).not.toMatch(words);
  });

  it("keeps a schema's own message", () => {
    expect(first(ProfileInput, { name: 'A', organisation: 'FLA', email: 'bad', auditorId: 'AUD-1' })).toBe('enter an email address such as name@example.org');
    expect(first(SiteInput, { name: 'S', clients: [], country: 'Philippines', currency: 'PHP' })).not.toMatch(/Too big|expected/);
  });

  it('the core says the same by the field', async () => {
    const t = await testCore();
    try {
      const r = await t.dispatch('profile.save', { name: 'x'.repeat(121), organisation: 'FLA', email: 'ana@example.org', auditorId: 'AUD-1' });
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.fields).toContainEqual({ path: 'name', message: 'at most 120 characters', key: 'textMax', params: { count: 120 } });
        expect(r.error.message).toBe('Please check name: at most 120 characters');
      }
    } finally {
      t.cleanup();
    }
  });
});
