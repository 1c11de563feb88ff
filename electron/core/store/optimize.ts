// Planner statistics kept fresh at the moments that suit it: when a checked
// file opens, when the background check found it sound, and on closing.
import type Database from 'better-sqlite3';

/**
 * Lets SQLite refresh the statistics its query planner uses, where they are
 * missing or stale; analysis_limit keeps each table's share to a few pages,
 * so it costs milliseconds however large the file. `onOpen` also covers
 * tables never analysed (SQLite's advice for a connection that stays open).
 */
export function optimize(db: Database.Database, onOpen = false): void {
  db.pragma('analysis_limit = 400');
  db.pragma(onOpen ? 'optimize = 0x10002' : 'optimize');
}
