import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Resource } from '../../../lib/model/resource';

// A quota-limited profile: the popup's writes fail with the browser's QuotaExceededError. The
// popup says the disk is full, and what was typed is neither lost with the popup nor dropped by
// the next write once there is room.

const TAB = {
  id: 7,
  url: 'https://blog.example.org/2026/teaching-forward',
  title: 'Teaching forward',
  status: 'complete',
};
const READ = {
  url: TAB.url,
  canonicalUrl: 'https://blog.example.org/2026/teaching-forward',
  kind: 'article',
  title: 'Teaching forward',
  site: 'Example blog',
};

let host: HTMLElement | undefined;

async function openPopup() {
  vi.resetModules();
  (fakeBrowser as unknown as { scripting: { executeScript: () => unknown } }).scripting = {
    executeScript: vi.fn(async () => [{ result: READ }]),
  };
  const [{ CaptureCard }, { beginCapture }] = await Promise.all([
    import('../../../components/popup/CaptureCard'),
    import('../../../lib/app/capture-flow'),
  ]);
  beginCapture();
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => render(<CaptureCard />, host!));
  await vi.waitFor(() => expect(host!.querySelector('.capture')?.getAttribute('aria-busy')).toBe('false'));
}
function closePopup() {
  if (!host) return;
  render(null, host);
  host.remove();
  host = undefined;
}
const note = () => host!.querySelector('textarea')!;
async function type(value: string) {
  await act(async () => {
    note().value = value;
    note().dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const button = (name: string) =>
  [...host!.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined;
async function storedNotes(): Promise<string | undefined> {
  const { listNewest } = await import('../../../lib/db/resources');
  return ((await listNewest(10)) as Resource[])[0]?.notes;
}

/** Every IndexedDB write of this page fails as Chromium's do on a full disk, until `free()`. */
function fillDisk(): { free: () => void } {
  const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The disk is full', 'QuotaExceededError');
  });
  return { free: () => spy.mockRestore() };
}

describe('the popup on a full disk', () => {
  beforeEach(() => {
    history.replaceState(null, '', `/popup.html?tab=${TAB.id}`);
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(TAB as never);
  });
  afterEach(() => {
    closePopup();
    vi.restoreAllMocks();
  });

  it('a page not saved yet: Save says the disk is full, and the note stays, in the field and for the next popup', async () => {
    await openPopup();
    await type('Pairing rota, every Friday');
    const disk = fillDisk();
    await act(async () => button('Save this page')!.click());
    await vi.waitFor(() => expect(host!.textContent).toContain('Your disk is full.'));
    expect(note().value).toBe('Pairing rota, every Friday');
    closePopup();
    disk.free();
    await openPopup();
    expect(note().value).toBe('Pairing rota, every Friday');
    await act(async () => button('Save this page')!.click());
    await vi.waitFor(async () => expect(await storedNotes()).toBe('Pairing rota, every Friday'));
  });

  it('a saved page: a note typed while the disk is full is saved by the next popup', async () => {
    await openPopup();
    await type('first line');
    await act(async () => button('Save this page')!.click());
    await vi.waitFor(async () => expect(await storedNotes()).toBe('first line'));
    const disk = fillDisk();
    await type('first line\ntyped on a full disk');
    await vi.waitFor(() => expect(host!.textContent).toContain('Your disk is full.'));
    closePopup();
    disk.free();
    await openPopup();
    expect(note().value).toBe('first line\ntyped on a full disk');
    await vi.waitFor(async () => expect(await storedNotes()).toBe('first line\ntyped on a full disk'));
  });

  it('a saved page: once there is room, the next keystroke saves every line typed, none dropped', async () => {
    await openPopup();
    await type('first line');
    await act(async () => button('Save this page')!.click());
    await vi.waitFor(async () => expect(await storedNotes()).toBe('first line'));
    const disk = fillDisk();
    await type('first line\nsecond line');
    await vi.waitFor(() => expect(host!.textContent).toContain('Your disk is full.'));
    disk.free();
    await type('first line\nsecond line\nthird line');
    await vi.waitFor(async () => expect(await storedNotes()).toBe('first line\nsecond line\nthird line'));
    // Saved as typed: no "edited elsewhere" version of its own text beside it.
    const { listNewest } = await import('../../../lib/db/resources');
    expect(((await listNewest(1)) as Resource[])[0]?.conflicts).toBeUndefined();
  });
});
