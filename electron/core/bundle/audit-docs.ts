// The audit documents of a verified bundle. Each is parsed and its event
// chain checked as it arrives; then it is kept parsed only while the kept
// documents stay under a budget of JSON bytes. The rest wait in the private
// staging folder and are parsed again each time they are used, so HQ's
// memory does not grow with the number of audits a bundle carries (a full
// bundle of a thousand audits held them all at once: 806 MB).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuditDoc, headOf } from './content';

export interface AuditDocSummary {
  id: string;
  headHash: string;
  fromSeq: number;
  revision: number;
  eventCount: number;
  status: string;
  previousId: string | null;
}

export class AuditDocs implements Iterable<AuditDoc> {
  private readonly order: string[] = [];
  private readonly kept = new Map<string, AuditDoc>();
  private readonly summaries = new Map<string, AuditDocSummary>();
  private keptBytes = 0;
  private made = false;

  /** `dir`: a folder inside the import's own staging folder. */
  constructor(private readonly dir: string, private readonly budget: number) {}

  /** A document that passed parseAuditDoc, with the bytes it was parsed from. */
  add(path: string, bytes: Buffer, doc: AuditDoc): void {
    this.order.push(path);
    this.summaries.set(path, {
      id: doc.audit.id, headHash: headOf(doc), fromSeq: doc.events.fromSeq, revision: doc.audit.revision,
      eventCount: doc.events.fromSeq - 1 + doc.events.items.length, status: doc.audit.status, previousId: doc.audit.previousId,
    });
    if (this.keptBytes + bytes.length <= this.budget) {
      this.keptBytes += bytes.length;
      this.kept.set(path, doc);
      return;
    }
    if (!this.made) mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.made = true;
    writeFileSync(this.fileOf(path), bytes, { flag: 'wx', mode: 0o600 });
  }

  get length(): number {
    return this.order.length;
  }

  summary(path: string): AuditDocSummary | undefined {
    return this.summaries.get(path);
  }

  *[Symbol.iterator](): Iterator<AuditDoc> {
    for (const path of this.order) yield this.kept.get(path) ?? this.reread(path);
  }

  // Bytes already hashed against the signed manifest and their chain checked, read back from the private staging folder.
  private reread(path: string): AuditDoc {
    return AuditDoc.parse(JSON.parse(readFileSync(this.fileOf(path), 'utf8')));
  }

  // Names come from the manifest, already checked against the allowed pattern (audits/<uuid>.json).
  private fileOf(path: string): string {
    return join(this.dir, path.replace(/^audits\//, ''));
  }
}
