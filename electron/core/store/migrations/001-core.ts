// The foundation schema. STRICT tables; JSON columns hold canonical JSON
// text. Events are append-only (triggers refuse UPDATE and DELETE); the
// hash chain, not the triggers, is what proves history was not rewritten.
import type { Migration } from './types';

export const m001: Migration = {
  version: 1,
  name: 'core',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        organisation TEXT NOT NULL,
        email TEXT NOT NULL,
        auditor_id TEXT NOT NULL,
        public_key TEXT NOT NULL,
        key_fingerprint TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE sites (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        clients TEXT NOT NULL DEFAULT '[]',
        address TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL,
        headcount INTEGER,
        shifts TEXT NOT NULL DEFAULT '',
        min_wage REAL,
        min_wage_period TEXT NOT NULL CHECK (min_wage_period IN ('hour', 'month')),
        overtime_rate REAL NOT NULL,
        currency TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE templates (
        id TEXT PRIMARY KEY,
        key TEXT NOT NULL,
        version TEXT NOT NULL,
        name TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE,
        body TEXT NOT NULL,
        sections INTEGER NOT NULL,
        items INTEGER NOT NULL,
        built_in INTEGER NOT NULL DEFAULT 0 CHECK (built_in IN (0, 1)),
        created_at TEXT NOT NULL,
        UNIQUE (key, version)
      ) STRICT;

      CREATE TABLE audits (
        id TEXT PRIMARY KEY,
        site_id TEXT NOT NULL REFERENCES sites(id),
        template_id TEXT NOT NULL REFERENCES templates(id),
        revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        previous_id TEXT REFERENCES audits(id),
        status TEXT NOT NULL CHECK (status IN ('draft', 'in_progress', 'finalized')),
        type TEXT NOT NULL,
        start_date TEXT NOT NULL,
        end_date TEXT NOT NULL,
        team TEXT NOT NULL DEFAULT '[]',
        scope TEXT NOT NULL DEFAULT '',
        lead_auditor TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        finalized_at TEXT,
        content_hash TEXT,
        sent_at TEXT
      ) STRICT;
      CREATE INDEX audits_site ON audits(site_id);
      CREATE UNIQUE INDEX audits_previous ON audits(previous_id) WHERE previous_id IS NOT NULL;

      CREATE TABLE responses (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id),
        item_id TEXT NOT NULL,
        value TEXT,
        note TEXT NOT NULL DEFAULT '',
        severity TEXT CHECK (severity IN ('critical', 'major', 'minor')),
        zero_tolerance INTEGER NOT NULL DEFAULT 0 CHECK (zero_tolerance IN (0, 1)),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (audit_id, item_id)
      ) STRICT;

      CREATE TABLE findings (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id),
        item_id TEXT NOT NULL,
        section_id TEXT NOT NULL,
        severity TEXT CHECK (severity IN ('critical', 'major', 'minor')),
        zero_tolerance INTEGER NOT NULL DEFAULT 0 CHECK (zero_tolerance IN (0, 1)),
        source TEXT NOT NULL CHECK (source IN ('answer', 'check')),
        summary TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (audit_id, item_id)
      ) STRICT;

      CREATE TABLE corrective_actions (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id),
        finding_id TEXT NOT NULL REFERENCES findings(id),
        action TEXT NOT NULL,
        owner TEXT NOT NULL,
        due_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'closed')),
        verification TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX actions_finding ON corrective_actions(finding_id);
      CREATE INDEX actions_audit ON corrective_actions(audit_id);

      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id),
        scope TEXT NOT NULL CHECK (scope IN ('audit', 'section', 'item')),
        ref TEXT NOT NULL DEFAULT '',
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX notes_audit ON notes(audit_id);

      CREATE TABLE photos (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id),
        sha256 TEXT NOT NULL,
        scope TEXT NOT NULL CHECK (scope IN ('audit', 'section', 'item')),
        ref TEXT NOT NULL DEFAULT '',
        caption TEXT NOT NULL DEFAULT '',
        captured_at TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX photos_audit ON photos(audit_id);

      CREATE TABLE interviews (
        id TEXT PRIMARY KEY,
        audit_id TEXT NOT NULL REFERENCES audits(id),
        code TEXT NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('individual', 'group')),
        role TEXT NOT NULL DEFAULT '',
        tenure_band TEXT NOT NULL DEFAULT '',
        language TEXT NOT NULL DEFAULT '',
        interviewer TEXT NOT NULL DEFAULT '',
        consent INTEGER NOT NULL DEFAULT 0 CHECK (consent IN (0, 1)),
        topics TEXT NOT NULL DEFAULT '[]',
        findings_raised TEXT NOT NULL DEFAULT '[]',
        notes TEXT NOT NULL DEFAULT '',
        excerpts TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (audit_id, code)
      ) STRICT;

      CREATE TABLE events (
        seq INTEGER NOT NULL,
        id TEXT NOT NULL UNIQUE,
        audit_id TEXT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        action TEXT NOT NULL,
        old TEXT,
        new TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      -- One chain per audit; events of no audit (profile, sites, templates)
      -- form the chain keyed by ''.
      CREATE UNIQUE INDEX events_chain ON events(ifnull(audit_id, ''), seq);
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    `);
  },
};
