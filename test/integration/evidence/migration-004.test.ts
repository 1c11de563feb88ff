// Migration 004 on a database that already holds a photo from schema 3:
// the photo keeps its row, gains the new columns with their defaults, and
// the new tables take rows.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/db';
import { tempDir } from '../core/helpers/core-fixture';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('adds evidence tables and columns, keeping photos already recorded', async () => {
  dir = tempDir();
  const file = join(dir, 'fairsite.db');
  const v3 = await openDatabase({ file, backupDir: join(dir, 'backups'), targetVersion: 3 });
  expect(v3.pragma('user_version', { simple: true })).toBe(3);
  v3.exec(`
    INSERT INTO sites (id, name, country, min_wage_period, overtime_rate, currency, created_at, updated_at) VALUES ('s', 'Site', 'PH', 'hour', 1.25, 'PHP', 'now', 'now');
    INSERT INTO templates (id, key, version, name, hash, body, sections, items, created_at) VALUES ('t', 'k', '1', 'T', 'h', '{}', 1, 1, 'now');
    INSERT INTO audits (id, site_id, template_id, status, type, start_date, end_date, created_at, updated_at) VALUES ('a', 's', 't', 'draft', 'announced', '2026-11-01', '2026-11-01', 'now', 'now');
    INSERT INTO photos (id, audit_id, sha256, scope, ref, caption, captured_at, created_at) VALUES ('p', 'a', '${'c'.repeat(64)}', 'item', 's1.i1', 'Exit', NULL, 'now');
  `);
  v3.close();

  const db = await openDatabase({ file, backupDir: join(dir, 'backups') });
  expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(4);
  expect(db.prepare('SELECT id, caption, finding_id, document_id, capture_source, original_name, annotated_sha256, annotation, updated_at FROM photos').get()).toEqual({
    id: 'p', caption: 'Exit', finding_id: null, document_id: null, capture_source: 'added', original_name: '', annotated_sha256: null, annotation: null, updated_at: null,
  });
  db.prepare(`INSERT INTO photo_files (sha256, ext, format, bytes, width, height, created_at) VALUES (?, 'jpg', 'jpeg', 10, 4, 3, 'now')`).run('c'.repeat(64));
  db.prepare(`INSERT INTO documents (id, audit_id, kind, title, created_at, updated_at) VALUES ('d', 'a', 'policies', 'Grievance policy', 'now', 'now')`).run();
  expect(() => db.prepare(`INSERT INTO documents (id, audit_id, kind, title, created_at, updated_at) VALUES ('e', 'a', 'novel', 'x', 'now', 'now')`).run()).toThrow(/CHECK/);
  expect(() => db.prepare("UPDATE photos SET capture_source = 'guess'").run()).toThrow(/CHECK/);
  expect(() => db.prepare(`INSERT INTO photo_files (sha256, ext, format, bytes, width, height, created_at) VALUES ('short', 'jpg', 'jpeg', 10, 4, 3, 'now')`).run()).toThrow(/CHECK/);
  db.close();
});
