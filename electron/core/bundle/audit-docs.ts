// The audit documents of a verified bundle. Each is parsed and its event
// chain checked as it arrives; then it is kept parsed only while the kept
// documents stay under a budget of JSON bytes. The rest wait in the private
// staging folder and are parsed again each time they are used, so HQ's
// memory does not grow with the number of audits a bundle carries (a full
// bundle of a thousand audits held them all at once: 806 MB).
import { closeSync, fstatSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { headOf, type AuditDoc } from './content';

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
    writeFileSync(this.fileOf(path), toLines(doc), { flag: 'wx', mode: 0o600 });
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

  // A document already checked (its bytes hashed against the signed manifest, its schema and chain), read back from the private staging folder.
  private reread(path: string): AuditDoc {
    return fromLines(readInto(this.fileOf(path)));
  }

  // Names come from the manifest, already checked against the allowed pattern (audits/<uuid>.json).
  private fileOf(path: string): string {
    return join(this.dir, path.replace(/^audits\//, ''));
  }
}

// How a document waits in staging: the document as checked (the schema's
// output, so reading it back needs no second validation), one line for all
// but its events, then one line per event. An import reads each document in
// several passes; read back as one string, a document (147 kB in the
// five-year laptop) is a string V8 keeps among its large objects, freed only
// by a full collection. Lines are small and die young.
function toLines(doc: AuditDoc): Buffer {
  const { events, ...rest } = doc;
  const head = Buffer.from(`${JSON.stringify({ ...rest, events: { ...events, items: [] } })}\n`, 'utf8');
  return Buffer.concat([head, ...events.items.map((e) => Buffer.from(`${JSON.stringify(e)}\n`, 'utf8'))]);
}

// One buffer for every read-back, grown to the largest document: a new
// buffer per read (147 kB each) waited outside the heap for a collection,
// tens of megabytes of them at a time.
let scratch = Buffer.alloc(0);

function readInto(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (scratch.length < size) scratch = Buffer.allocUnsafe(Math.max(size, scratch.length * 2));
    let got = 0;
    while (got < size) {
      const n = readSync(fd, scratch, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    return scratch.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

function fromLines(bytes: Buffer): AuditDoc {
  let start = 0;
  let doc: AuditDoc | null = null;
  for (let end = bytes.indexOf(10, start); end !== -1; start = end + 1, end = bytes.indexOf(10, start)) {
    const value: unknown = JSON.parse(bytes.toString('utf8', start, end));
    if (doc) doc.events.items.push(value as AuditDoc['events']['items'][number]);
    else doc = value as AuditDoc;
  }
  return doc!;
}
