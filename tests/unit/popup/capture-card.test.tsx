import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Resource } from '../../../lib/model/resource';

// The popup's card reads its tab once per popup (a module-level promise): each test loads the
// card afresh, with the tab and the capture script it describes.
const TAB = {
  id: 7,
  url: 'https://blog.example.org/2026/teaching-forward?utm_source=feed',
  title: 'Teaching forward – Example blog',
  status: 'complete',
};
const READ = {
  url: TAB.url,
  canonicalUrl: 'https://blog.example.org/2026/teaching-forward',
  kind: 'article',
  title: 'Teaching forward: what a week of pairing taught us',
  site: 'Example blog',
  author: 'Sam Lee',
  readingMinutes: 7,
};

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

let host: HTMLElement;
let script: ReturnType<typeof deferred<{ result?: unknown }[]>>;

async function mountCard() {
  const [{ CaptureCard }, { beginCapture }] = await Promise.all([
    import('../../../components/popup/CaptureCard'),
    import('../../../lib/app/capture-flow'),
  ]);
  beginCapture();
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => render(<CaptureCard />, host));
}

const button = (name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name) as HTMLButtonElement | undefined;
const until = async (check: () => boolean) => {
  await vi.waitFor(() => expect(check()).toBe(true));
};
async function storedResources(): Promise<Resource[]> {
  const { listNewest } = await import('../../../lib/db/resources');
  return listNewest(10);
}

describe('the popup’s card before its page is read', () => {
  beforeEach(() => {
    vi.resetModules();
    history.replaceState(null, '', `/popup.html?tab=${TAB.id}`);
    script = deferred();
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue(TAB as never);
    (fakeBrowser as unknown as { scripting: { executeScript: () => unknown } }).scripting = {
      executeScript: vi.fn(() => script.promise),
    };
  });
  afterEach(() => {
    render(null, host);
    host.remove();
  });

  it('shows the tab’s title and lets Save be pressed while the page is still being read', async () => {
    await mountCard();
    await until(() => button('Save this page')?.disabled === false);
    expect(host.querySelector('#capture-title')?.textContent).toBe('Teaching forward – Example blog');
    // Still reading: the card says so to assistive technology, and nothing is stored yet.
    expect(host.querySelector('.capture')?.getAttribute('aria-busy')).toBe('true');

    await act(async () => button('Save this page')!.click());
    expect(await storedResources()).toEqual([]);
    await act(async () => script.resolve([{ result: READ }]));

    // What is saved is what the read found, not the tab's guess.
    await until(() => host.textContent?.includes('Open its page') ?? false);
    const [saved] = await storedResources();
    expect(saved).toMatchObject({
      canonicalUrl: READ.canonicalUrl,
      kind: 'article',
      title: READ.title,
      author: 'Sam Lee',
    });
    expect(host.querySelector('#capture-title')?.textContent).toBe(READ.title);
    expect(host.querySelector('.capture')?.getAttribute('aria-busy')).toBe('false');
  });

  it('lets Save be pressed before any frame is drawn: the card asks as it renders, not a frame later', async () => {
    // A user's database exists (the popup's first question is then asked of it directly).
    expect(await storedResources()).toEqual([]);
    // As a browser runs it (no act(), which flushes effects at once), with no frame ever drawn and
    // no timer firing: only the tab's answer and the database's (fake-indexeddb: setImmediate).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    try {
      const [{ CaptureCard }, { beginCapture }] = await Promise.all([
        import('../../../components/popup/CaptureCard'),
        import('../../../lib/app/capture-flow'),
      ]);
      beginCapture();
      host = document.createElement('div');
      document.body.append(host);
      render(<CaptureCard />, host);
      for (let turn = 0; turn < 200 && button('Save this page')?.disabled !== false; turn++)
        await new Promise((resolve) => setImmediate(resolve));
      expect(button('Save this page')?.disabled).toBe(false);
      expect(host.querySelector('#capture-title')?.textContent).toBe('Teaching forward – Example blog');
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps a note typed before the read, under the address the read names', async () => {
    await mountCard();
    await until(() => button('Save this page')?.disabled === false);
    const note = host.querySelector('textarea')!;
    await act(async () => {
      note.value = 'Try the pairing rota';
      note.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(async () => script.resolve([{ result: { ...READ, canonicalUrl: 'https://blog.example.org/p/481' } }]));
    await until(() => host.querySelector('.capture')?.getAttribute('aria-busy') === 'false');
    expect(host.querySelector('textarea')!.value).toBe('Try the pairing rota');

    await act(async () => button('Save this page')!.click());
    await until(() => host.textContent?.includes('Open its page') ?? false);
    const [saved] = await storedResources();
    expect(saved).toMatchObject({ canonicalUrl: 'https://blog.example.org/p/481', notes: 'Try the pairing rota' });
  });

  it('moves focus only once the read is in: a selection makes Save as quote the first action', async () => {
    await mountCard();
    await until(() => button('Save this page')?.disabled === false);
    expect(document.activeElement).not.toBe(button('Save this page'));
    await act(async () =>
      script.resolve([{ result: { ...READ, selection: { exact: 'Pair on the hard part first.' } } }]),
    );
    await until(() => document.activeElement === button('Save as quote'));
  });

  it('says so when the quote’s link can only open at the first of several places, and says nothing when it is sure', async () => {
    await mountCard();
    await act(async () =>
      script.resolve([
        { result: { ...READ, selection: { exact: 'Pair on the hard part first.' }, selectionLink: 'first' } },
      ]),
    );
    await until(() => document.activeElement === button('Save as quote'));
    expect(document.querySelector('.quote-box-link')?.textContent).toBe(
      'Its link opens the page at the first place these words stand: they are on the page more than once.',
    );
  });

  it('reads the page only once Save knows whether the page is saved (the read would queue beside the lookup)', async () => {
    const lookup = deferred<Resource | undefined | null>();
    vi.doMock('../../../lib/db/peek', async (original) => ({
      ...(await original<typeof import('../../../lib/db/peek')>()),
      peekResourceByUrl: () => lookup.promise,
    }));
    const executeScript = (fakeBrowser as unknown as { scripting: { executeScript: ReturnType<typeof vi.fn> } })
      .scripting.executeScript;
    try {
      await mountCard();
      await until(() => vi.mocked(fakeBrowser.tabs.get).mock.calls.length > 0);
      // Every turn the tab's answer gives has run, and the page is not being read yet.
      for (let i = 0; i < 5; i++) await act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
      expect(executeScript).not.toHaveBeenCalled();
      await act(async () => lookup.resolve(undefined));
      await until(() => executeScript.mock.calls.length === 1);
    } finally {
      vi.doUnmock('../../../lib/db/peek');
    }
  });
});
