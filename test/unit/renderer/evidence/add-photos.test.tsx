// @vitest-environment jsdom
// Adding several photos: one progress bar over all their bytes, chunks sent
// in order, a refused file named with its reason while the others are added.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../../../shared/errors';
import { ClientProvider } from '../../../../renderer/src/api/context';
import { AddPhotos } from '../../../../renderer/src/evidence/AddPhotos';

const AUDIT = '0193a0f0-0000-7000-8000-000000000001';
const UPLOAD = '0193a0f0-0000-7000-8000-0000000000aa';

describe('AddPhotos', () => {
  it('shows progress over all files and reports a refused one by name', async () => {
    const calls: Array<[string, Record<string, unknown>]> = [];
    let release: () => void = () => undefined;
    const transport = vi.fn(async (op: string, input: unknown): Promise<Envelope<unknown>> => {
      const i = input as Record<string, unknown>;
      calls.push([op, i]);
      if (op === 'evidence.upload.start') return { ok: true, value: { uploadId: UPLOAD, chunkBytes: 4 } };
      if (op === 'evidence.upload.chunk') {
        if (i.offset === 4 && calls.filter(([o]) => o === 'evidence.upload.start').length === 1) await new Promise<void>((r) => { release = r; });
        return { ok: true, value: { received: (i.offset as number) + 4 } };
      }
      if (op === 'evidence.upload.finish') {
        const n = calls.filter(([o]) => o === 'evidence.upload.start').length;
        return n === 2
          ? { ok: false, error: { code: 'rejected', message: '"b.jpg": This JPEG file is damaged and cannot be decoded (premature end): nothing was stored.' } }
          : { ok: true, value: { photo: { id: 'p1' }, duplicate: false } };
      }
      return { ok: true, value: { cancelled: true } };
    });
    const added = vi.fn();
    render(<ClientProvider transport={transport}><AddPhotos auditId={AUDIT} target={{ kind: 'audit' }} label="Add photos" onAdded={added} /></ClientProvider>);

    const files = [new File(['12345678'], 'a.jpg', { type: 'image/jpeg' }), new File(['abcd'], 'b.jpg', { type: 'image/jpeg' })];
    await userEvent.upload(screen.getByLabelText('Add photos'), files);

    const bar = await screen.findByRole('progressbar', { name: 'Upload progress' });
    expect(screen.getByText('Adding photo 1 of 2…')).toBeInTheDocument();
    await waitFor(() => expect(bar).toHaveAttribute('value', '4'));
    expect(bar).toHaveAttribute('max', '12');
    await act(async () => release());

    expect(await screen.findByRole('alert')).toHaveTextContent('One file was not added:"b.jpg": This JPEG file is damaged');
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(added).toHaveBeenCalledTimes(1);
    const chunks = calls.filter(([o]) => o === 'evidence.upload.chunk').map(([, i]) => [i.offset, atob(i.data as string)]);
    expect(chunks).toEqual([[0, '1234'], [4, '5678'], [0, 'abcd']]);
    expect(calls.map(([o]) => o).at(-1)).toBe('evidence.upload.cancel');
  });
});
