// Templates are stored once per content hash and never changed: an audit
// keeps pointing at exactly the checklist it was made with.
import { stmt } from '../stmt';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '../../core';
import type { TemplateInfo } from '../../../../shared/contract/core-ops';
import { AppError } from '../../../../shared/errors';
import { msg } from '../../../../shared/messages';
import { refusal } from '../../../../shared/core-messages';
import { uuidv7 } from '../../../../shared/ids';
import type { Template, TemplateItem, TemplateSection } from '../../../../shared/template/schema';
import { checkTemplate } from '../../template-file';
import { canonicalJson } from '../../../../shared/canonical-json';
import type { Db } from '../db';
import { record } from './record';
import { nowIso } from '../clock';
import { write } from '../write';

export interface LoadedTemplate {
  info: TemplateInfo;
  template: Template;
  items: Map<string, { item: TemplateItem; section: TemplateSection }>;
}

type Row = { id: string; key: string; version: string; name: string; hash: string; sections: number; items: number; built_in: number; body: string };

const infoFromRow = (r: Row): TemplateInfo => ({
  id: r.id, key: r.key, version: r.version, name: r.name, hash: r.hash, sections: r.sections, items: r.items, builtIn: r.built_in === 1,
});

export function listTemplates(db: Db): TemplateInfo[] {
  return (stmt(db, 'SELECT id, key, version, name, hash, sections, items, built_in FROM templates ORDER BY name, version').all() as Row[]).map(infoFromRow);
}

export function loadTemplate(core: Core, id: string): LoadedTemplate {
  const cached = core.templateCache.get(id);
  if (cached) return cached;
  const r = stmt(core.db, 'SELECT * FROM templates WHERE id = ?').get(id) as Row | undefined;
  if (!r) throw refusal('not_found', msg('template.notInstalled'));
  // Stored bodies were validated on the way in and are never edited.
  const template = JSON.parse(r.body) as Template;
  const items = new Map<string, { item: TemplateItem; section: TemplateSection }>();
  for (const section of template.sections) for (const item of section.items) items.set(item.id, { item, section });
  const loaded = { info: infoFromRow(r), template, items };
  core.templateCache.set(id, loaded);
  return loaded;
}

export function installTemplate(core: Core, template: Template, hash: string, builtIn: boolean): TemplateInfo {
  return write(core, () => {
    const same = stmt(core.db, 'SELECT * FROM templates WHERE hash = ?').get(hash) as Row | undefined;
    if (same) return infoFromRow(same);
    const clash = stmt(core.db, 'SELECT id FROM templates WHERE key = ? AND version = ?').get(template.key, template.version);
    if (clash) {
      throw refusal('conflict', msg('template.versionTaken', { key: template.key, version: template.version }));
    }
    const id = uuidv7();
    const items = template.sections.reduce((n, s) => n + s.items.length, 0);
    stmt(core.db, `INSERT INTO templates (id, key, version, name, hash, body, sections, items, built_in, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, template.key, template.version, template.name, hash,
      canonicalJson(template), template.sections.length, items, builtIn ? 1 : 0, nowIso());
    const info = infoFromRow(stmt(core.db, 'SELECT * FROM templates WHERE id = ?').get(id) as Row);
    record(core, null, 'template', id, 'install', null, info);
    return info;
  });
}

/** Import from JSON text: every problem listed by path, nothing stored unless all is well. */
export function importTemplate(core: Core, json: string, builtIn = false): TemplateInfo {
  const v = checkTemplate(json);
  if (!v.ok) {
    const n = v.total;
    throw refusal('rejected', n > v.errors.length ? msg('template.problemsListed', { count: n, listed: v.errors.length }) : msg('template.problems', { count: n }), v.errors);
  }
  return installTemplate(core, v.template, v.hash, builtIn);
}

export function installBuiltInTemplates(core: Core): TemplateInfo[] {
  const dir = join(core.assetsDir, 'templates');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    try {
      return importTemplate(core, readFileSync(join(dir, f), 'utf8'), true);
    } catch (err) {
      if (err instanceof AppError && err.fields) {
        const list = err.fields.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
        throw new AppError('internal', `The built-in template ${f} is not valid: ${list}`);
      }
      throw err;
    }
  });
}
