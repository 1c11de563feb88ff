import type { Database } from 'better-sqlite3';

/** One schema step. `version` is its number; a landed step is never edited. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}
