// One dialog frame for every modal of the app. While a modal is open it holds
// the keyboard: focus goes into it, Tab cycles inside it, a focus that lands
// outside (a click on the backdrop, a closed child) is brought back, Esc
// closes it, and the walkthrough's shortcuts stand still (see isModalOpen).
// Closing gives focus back to where it was before the dialog opened.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), canvas[tabindex]';

/** Open modals, innermost last: only the innermost one takes keys and focus. One document, one stack. */
const stack: HTMLElement[] = [];

/** True while any modal is open: page-wide shortcuts must not act behind it. */
export function isModalOpen(): boolean {
  return stack.length > 0;
}

function focusables(box: HTMLElement): HTMLElement[] {
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

interface Props {
  labelledBy: string;
  className?: string;
  onClose(): void;
  /** Focused on opening; the dialog itself otherwise. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** A click on the backdrop closes the dialog (not for editors that hold unsaved work). */
  closeOnBackdrop?: boolean;
  onKeyDown?(e: React.KeyboardEvent<HTMLDivElement>): void;
  children: ReactNode;
}

export function Modal({ labelledBy, className, onClose, initialFocus, closeOnBackdrop = true, onKeyDown, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => { close.current = onClose; });

  useEffect(() => {
    const el = box.current!;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    stack.push(el);
    (initialFocus?.current ?? el).focus({ preventScroll: true });
    const top = () => stack[stack.length - 1] === el;
    // Focus that leaves the innermost dialog comes back to it.
    const onFocusIn = (e: FocusEvent) => {
      if (top() && e.target instanceof Node && !el.contains(e.target)) el.focus({ preventScroll: true });
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      const at = stack.indexOf(el);
      if (at >= 0) stack.splice(at, 1);
      // Back to the opener, or into the dialog underneath when the opener is gone.
      const target = before?.isConnected ? before : stack[stack.length - 1];
      target?.focus({ preventScroll: true });
    };
  }, [initialFocus]);

  function keyDown(e: React.KeyboardEvent<HTMLDivElement>) {
    onKeyDown?.(e);
    if (e.defaultPrevented) { e.stopPropagation(); return; }
    if (e.key === 'Escape') {
      e.preventDefault();
      close.current();
    } else if (e.key === 'Tab') {
      const list = focusables(box.current!);
      const first = list[0];
      const last = list[list.length - 1];
      if (!first || !last) e.preventDefault();
      else if (e.shiftKey && (document.activeElement === first || document.activeElement === box.current)) { e.preventDefault(); last.focus(); }
      else if (!e.shiftKey && document.activeElement === last) { e.preventDefault(); first.focus(); }
    }
    // Keys typed in a dialog belong to it: none reaches the page behind.
    e.stopPropagation();
  }

  return (
    <div className="overlay" onClick={closeOnBackdrop ? () => close.current() : undefined}>
      <div
        ref={box}
        className={`dialog${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={keyDown}
      >
        {children}
      </div>
    </div>
  );
}
