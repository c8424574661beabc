import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ResourcePage } from '../../../components/library/ResourcePage';
import { getDb } from '../../../lib/db/open';
import { resource } from '../sync/devices';

// A quota-limited profile on a resource's page: the note typed while the disk is full is kept as
// a draft that outlives the tab, and the next page saves it, merged onto what is stored then.

/** Every IndexedDB write fails as Chromium's do on a full disk, until `free()`. */
function fillDisk(): { free: () => void } {
  const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The disk is full', 'QuotaExceededError');
  });
  return { free: () => spy.mockRestore() };
}

async function storedNotes(id: string): Promise<string | undefined> {
  return (await (await getDb()).get('resources', id))?.notes;
}

describe('a resource page on a full disk', () => {
  let root: HTMLElement;
  beforeEach(() => {
    localStorage.clear();
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
    vi.restoreAllMocks();
  });

  const open = async (id: string) => {
    await act(async () => {
      render(<ResourcePage id={id} />, root);
    });
  };
  const close = () => render(null, root);
  const notes = () => root.querySelector<HTMLTextAreaElement>('#res-notes, textarea')!;
  const type = async (value: string) => {
    await act(async () => {
      notes().focus();
      notes().value = value;
      notes().dispatchEvent(new Event('input', { bubbles: true }));
    });
  };

  it('keeps the typed note through a closed tab, and the next page saves it beside an edit made meanwhile', async () => {
    const stored = resource('r1', { notes: 'first line', canonicalUrl: 'https://example.org/talk' });
    await (await getDb()).put('resources', stored);
    await open('r1');
    await vi.waitFor(() => expect(notes().value).toBe('first line'));

    const disk = fillDisk();
    await type('first line\ntyped on a full disk');
    await vi.waitFor(() => expect(root.textContent).toContain('Your disk is full.'));
    close();
    disk.free();

    // Another page added a line at the top meanwhile.
    await (await getDb()).put('resources', { ...stored, notes: 'added elsewhere\nfirst line', updatedAt: 5 });
    await open('r1');
    await vi.waitFor(async () =>
      expect(await storedNotes('r1')).toBe('added elsewhere\nfirst line\ntyped on a full disk'),
    );
    await vi.waitFor(() => expect(notes().value).toBe('added elsewhere\nfirst line\ntyped on a full disk'));

    // Saved: the draft is gone, so a third page shows what is stored and writes nothing.
    close();
    await (await getDb()).put('resources', { ...stored, notes: 'rewritten later', updatedAt: 9 });
    await open('r1');
    await vi.waitFor(() => expect(notes().value).toBe('rewritten later'));
    expect(await storedNotes('r1')).toBe('rewritten later');
  });
});
