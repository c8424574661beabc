import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PanelApp } from '../../../components/sidepanel/PanelApp';
import { resetPanelForTests } from '../../../lib/app/side-panel';
import { readPlayerInPage } from '../../../lib/capture/player';
import type { CapturedPage } from '../../../lib/model/captured-page';

// A panel with no grant for its tab: a neutral state (never another video's clips) and Follow this
// tab, which asks for the one site as the click's first call; refused, the way on is Log learning.

const talk: CapturedPage = {
  url: 'https://www.youtube.com/watch?v=aaaaaaaaaaa',
  canonicalUrl: 'https://www.youtube.com/watch?v=aaaaaaaaaaa',
  kind: 'video',
  title: 'Talk A',
  videoId: 'aaaaaaaaaaa',
  durationSec: 600,
};
let granted = false;
let root: HTMLElement;

beforeEach(() => {
  resetPanelForTests();
  granted = false;
  const executeScript = vi.fn(async (injection: { func?: unknown }) => {
    if (!granted) throw new Error('Cannot access contents of the page. Extension manifest must request permission');
    if (injection.func === readPlayerInPage)
      return [{ result: { href: talk.url, timeSec: 12, durationSec: 600, paused: true } }];
    return [{ result: talk }];
  });
  (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const followButton = () => [...root.querySelectorAll('button')].find((b) => b.textContent === 'Follow this tab');

describe('Follow this tab', () => {
  it('asks for the site inside the click; refused, it says why and offers Log learning', async () => {
    const request = vi.fn(async () => false);
    (fakeBrowser.permissions as unknown as { request: typeof request }).request = request;
    await act(async () => {
      render(<PanelApp search="?tab=7" />, root);
    });
    await vi.waitFor(() => expect(followButton()).toBeDefined());
    expect(root.textContent).toContain('This tab is not followed yet');
    expect(root.textContent).not.toContain('Talk A');
    followButton()!.click();
    // Called before the click returned: no await came before it, so the gesture holds.
    expect(request).toHaveBeenCalledExactlyOnceWith({ origins: ['https://www.youtube.com/*'] });
    await vi.waitFor(() => expect(root.textContent).toContain('Not allowed, so the panel follows only tabs'));
    const log = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Log learning');
    expect(log?.getAttribute('href')).toMatch(/library\.html#log$/);
  });

  it('granted, the panel reads the tab and shows its video', async () => {
    const request = vi.fn(async () => {
      granted = true;
      return true;
    });
    (fakeBrowser.permissions as unknown as { request: typeof request }).request = request;
    await act(async () => {
      render(<PanelApp search="?tab=7" />, root);
    });
    await vi.waitFor(() => expect(followButton()).toBeDefined());
    followButton()!.click();
    await vi.waitFor(() => expect(root.textContent).toContain('Talk A'));
    expect(root.textContent).not.toContain('This tab is not followed yet');
  });
});
