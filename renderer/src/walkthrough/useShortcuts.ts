import { useEffect, useRef } from 'react';
import { isModalOpen } from '../app/Modal';

export type ShortcutHandlers = Partial<Record<'next' | 'prev' | 'nextSection' | 'prevSection' | 'note' | 'help' | 'escape', () => void>> & {
  answer?: (n: number) => void;
};

function isTyping(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(el.type);
  return false;
}

/**
 * Walkthrough keys on the document; nothing is taken while a text field has
 * focus, except Esc, and nothing at all while a dialog is open: a key meant
 * for the dialog must never answer or move the item behind it.
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => { ref.current = handlers; });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = ref.current;
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || isModalOpen()) return;
      if (e.key === 'Escape') {
        if (h.escape) { h.escape(); e.preventDefault(); }
        return;
      }
      if (isTyping(e.target)) return;
      const map: Record<string, (() => void) | undefined> = {
        j: h.next, ArrowDown: h.next, k: h.prev, ArrowUp: h.prev,
        ']': h.nextSection, '[': h.prevSection, n: h.note, '?': h.help,
      };
      const fn = map[e.key];
      if (fn) { fn(); e.preventDefault(); return; }
      if (/^[1-5]$/.test(e.key) && h.answer) { h.answer(Number(e.key)); e.preventDefault(); }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
