import type { Database } from 'better-sqlite3';

/** One schema step. `version` is its number; a landed step is never edited. */
export interface Migration {
  version: number;
  name: string;
  /**
   * Rebuilds tables that other tables reference (SQLite's procedure for
   * changing constraints): it runs with foreign keys off, and every foreign
   * key is checked before the migration commits.
   */
  rebuildsTables?: boolean;
  up(db: Database): void;
}
