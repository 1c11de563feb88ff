// Every transport (IPC, HTTP harness, tests) enters the core here: the op
// name is checked against the contract and the input parsed by its schema
// before any core code runs. Errors leave as data, never as a crash.
import { z } from 'zod';
import { contract, isOpName, type OpName, type OpOutput, type OpParsed } from '../../shared/contract/index';
import { AppError, formatPath, type Envelope, type FieldError } from '../../shared/errors';
import { ILL_FORMED_MESSAGE, illFormedPaths } from '../../shared/well-formed';
import { issueMessage, plainMessage } from '../../shared/zod-messages';
import { issueKey } from '../../shared/schema-messages';

export type Handler<K extends OpName, C> = (input: OpParsed<K>, ctx: C) => OpOutput<K> | Promise<OpOutput<K>>;
export type Handlers<C> = { [K in OpName]: Handler<K, C> };

export function fieldErrors(err: z.ZodError): FieldError[] {
  return err.issues.slice(0, 100).map((i) => {
    // The key lets the UI say it in the auditor's language; the input itself never leaves.
    const m = issueMessage(i as never);
    const f: FieldError = { path: formatPath(i.path), message: i.message };
    // A schema's own message carries its key on the issue; a built-in check is known by its code.
    const own = issueKey(i);
    const k = own ?? (m && i.message === plainMessage(i as never) ? m : undefined);
    if (k) { f.key = k.key; if (k.params) f.params = k.params; }
    return f;
  });
}

export type Dispatch = (op: unknown, input: unknown) => Promise<Envelope<unknown>>;

export function createDispatch<C>(handlers: Handlers<C>, ctx: C, onInternalError?: (op: string, err: unknown) => void): Dispatch {
  return async (op, input) => {
    if (!isOpName(op)) {
      const name = typeof op === 'string' ? op.slice(0, 80) : typeof op;
      return { ok: false, error: { code: 'unknown_operation', message: `Unknown operation "${name}".` } };
    }
    // Text that cannot be stored as UTF-8 is refused for every text field of every operation.
    const broken = illFormedPaths(input);
    if (broken.length) {
      const fields = broken.map((path) => ({ path, message: ILL_FORMED_MESSAGE }));
      return { ok: false, error: { code: 'invalid_input', message: `Please check ${fields[0]!.path}: ${ILL_FORMED_MESSAGE}`, fields } };
    }
    const parsed = contract[op].input.safeParse(input ?? {}, { error: plainMessage, reportInput: true });
    if (!parsed.success) {
      const fields = fieldErrors(parsed.error);
      const first = fields[0];
      const message = first ? `Please check ${first.path}: ${first.message}` : 'The input is not valid.';
      return { ok: false, error: { code: 'invalid_input', message, fields } };
    }
    try {
      const handler = handlers[op] as Handler<OpName, C>;
      const result = handler(parsed.data as never, ctx);
      // A synchronous handler's value is used as it is: awaiting it would cost a microtask turn on every autosave.
      const value = result instanceof Promise ? await result : result;
      return { ok: true, value };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toData() };
      onInternalError?.(op, err);
      return { ok: false, error: { code: 'internal', message: 'Something went wrong inside Fairsite. Your saved work is safe; try again, and if it persists, restart the app.' } };
    }
  };
}
