// The passphrase that seals the auditor's key: FAIRSITE_PASSPHRASE, or
// asked in a terminal without echo.
import { AppError } from '../../shared/errors';
import type { Io } from './io';

/** Reads a line from the terminal without echoing it. */
async function askHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  stdin.setRawMode?.(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((done, fail) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          return done(value);
        }
        if (ch === '\u0003') {
          finish();
          return fail(new AppError('rejected', 'Cancelled.'));
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode?.(false);
      stdin.pause();
      process.stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

/** An Io whose env holds the passphrase: from FAIRSITE_PASSPHRASE, else asked in a terminal; null when neither is possible. */
export async function passphraseIo(io: Io, prompt = 'Passphrase for the signing key: '): Promise<Io | null> {
  if (io.env.FAIRSITE_PASSPHRASE) return io;
  if (!process.stdin.isTTY) return null;
  const pass = await askHidden(prompt);
  return { ...io, env: { ...io.env, FAIRSITE_PASSPHRASE: pass } };
}

/** As passphraseIo, but a missing passphrase is an error that says how to give one. */
export async function requirePassphrase(io: Io, why: string): Promise<Io> {
  const withPass = await passphraseIo(io);
  if (!withPass) throw new AppError('rejected', `${why}: set FAIRSITE_PASSPHRASE, or run the command in a terminal to be asked for the passphrase.`);
  return withPass;
}
