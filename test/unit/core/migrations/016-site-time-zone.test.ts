// Migration 016 (site time zone): a site recorded before has no zone ('')
// and keeps every other field; a site written afterwards keeps its zone.
import { describe, expect, it } from 'vitest';
import { databaseAt, upTo } from './seed';

describe('migration 016: site time zone', () => {
  it('adds an empty zone to the sites already there, their other fields unchanged', () => {
    const db = databaseAt(14);
    const before = db.prepare("SELECT * FROM sites WHERE id = 's'").get() as Record<string, unknown>;
    expect(before.time_zone).toBeUndefined();
    expect(upTo(db, 16)).toBe(16);
    const after = db.prepare("SELECT * FROM sites WHERE id = 's'").get() as Record<string, unknown>;
    expect(after).toEqual({ ...before, time_zone: '' });
    db.prepare("UPDATE sites SET time_zone = 'Asia/Manila' WHERE id = 's'").run();
    expect(db.prepare("SELECT time_zone FROM sites WHERE id = 's'").get()).toEqual({ time_zone: 'Asia/Manila' });
  });
});
