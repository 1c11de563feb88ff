// age encryption of whole bundle files, streamed so a 1 GB bundle never sits
// in memory. The ciphertext reveals nothing of the bundle but its size.
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { open } from 'node:fs/promises';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';

const AGE_MAGIC = Buffer.from('age-encryption.org/v1\n', 'utf8');

export async function newAgeIdentity(): Promise<{ identity: string; recipient: string }> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export async function recipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

export function isAgeRecipient(s: string): boolean {
  return /^age1[02-9ac-hj-np-z]{58}$/.test(s);
}

/** Wraps a plaintext Node stream into an age ciphertext Node stream. */
export async function encryptStream(plain: Readable, recipient: string): Promise<Readable> {
  const e = new Encrypter();
  e.addRecipient(recipient);
  const web = Readable.toWeb(plain) as unknown as ReadableStream<Uint8Array>;
  const out = await e.encrypt(web);
  return Readable.fromWeb(out as unknown as WebReadableStream<Uint8Array>);
}

/** Decrypts an age ciphertext Node stream; throws if no identity matches or the header is bad. */
export async function decryptStream(cipher: Readable, identity: string): Promise<Readable> {
  const d = new Decrypter();
  d.addIdentity(identity);
  const web = Readable.toWeb(cipher) as unknown as ReadableStream<Uint8Array>;
  const out = await d.decrypt(web);
  return Readable.fromWeb(out as unknown as WebReadableStream<Uint8Array>);
}

/** Whether the file begins with these bytes (format sniffing before anything else is read). */
export async function fileStartsWith(path: string, magic: Buffer): Promise<boolean> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(magic.length);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return bytesRead === buf.length && buf.equals(magic);
  } finally {
    await fh.close();
  }
}

export const isAgeFile = (path: string): Promise<boolean> => fileStartsWith(path, AGE_MAGIC);
