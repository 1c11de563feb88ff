// Answers the core has not confirmed yet, kept in the browser's storage until
// it does: a failed save survives leaving the screen, a reload or a crash, and
// is sent again when the audit is next opened.
import type { SaveInput } from './saveQueue';

export interface Stash {
  put(input: SaveInput): void;
  drop(itemId: string, input: SaveInput): void;
  all(): SaveInput[];
  clear(): void;
}

const key = (auditId: string) => `fairsite.unsaved.${auditId}`;

function storage(): Storage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

export function localStash(auditId: string): Stash {
  const store = storage();
  const read = (): Record<string, SaveInput> => {
    try {
      const raw = store?.getItem(key(auditId));
      const v: unknown = raw ? JSON.parse(raw) : {};
      return v && typeof v === 'object' ? (v as Record<string, SaveInput>) : {};
    } catch {
      return {};
    }
  };
  const write = (m: Record<string, SaveInput>) => {
    try {
      if (Object.keys(m).length) store?.setItem(key(auditId), JSON.stringify(m));
      else store?.removeItem(key(auditId));
    } catch {
      // Storage full or refused: the queue still holds the state on screen.
    }
  };
  return {
    put(input) {
      const m = read();
      m[input.itemId] = input;
      write(m);
    },
    drop(itemId, input) {
      const m = read();
      // Only what was confirmed: a newer edit of the item stays.
      if (m[itemId] && JSON.stringify(m[itemId]) === JSON.stringify(input)) {
        delete m[itemId];
        write(m);
      }
    },
    all() {
      return Object.values(read()).filter((i) => i && typeof i === 'object' && i.auditId === auditId && typeof i.itemId === 'string');
    },
    clear() {
      write({});
    },
  };
}
