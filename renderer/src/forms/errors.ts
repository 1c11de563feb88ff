// Puts the core's field errors next to the fields they name, and gives
// react-hook-form's nested errors a single message per field.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { AppError } from '../../../shared/errors';
import { fieldMessage } from '../i18n/validation';

export function applyServerErrors<T extends FieldValues>(err: unknown, setError: UseFormSetError<T>, known: readonly string[]): boolean {
  if (!(err instanceof AppError) || !err.fields?.length) return false;
  let any = false;
  for (const f of err.fields) {
    const top = f.path.split(/[.[]/)[0] ?? '';
    if (known.includes(top)) {
      setError(top as Path<T>, { type: 'server', message: fieldMessage(f) });
      any = true;
    }
  }
  return any;
}

interface ErrLike { message?: unknown; [k: string]: unknown }

/** The first message in a field error, including errors on array elements. */
export function messageOf(e: unknown): string | undefined {
  if (!e || typeof e !== 'object') return undefined;
  const o = e as ErrLike;
  if (typeof o.message === 'string' && o.message) return o.message;
  for (const [k, v] of Object.entries(o)) {
    if (k !== 'ref' && v && typeof v === 'object') {
      const m = messageOf(v);
      if (m) return m;
    }
  }
  return undefined;
}

export const splitList = (v: unknown): unknown =>
  typeof v === 'string' ? v.split(/[,\n]/).map((s) => s.trim()).filter(Boolean) : v;

export const numberOrNull = (v: unknown): unknown => {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v.replace(',', '.'));
  return Number.isNaN(n) ? v : n;
};

export const numberOrUndefined = (v: unknown): unknown => {
  const n = numberOrNull(v);
  return n === null ? undefined : n;
};
