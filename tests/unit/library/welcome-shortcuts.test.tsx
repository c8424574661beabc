import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { WelcomeSection } from '../../../components/library/WelcomeSection';
import { shortcutSettings } from '../../../components/hooks/shortcuts';

// The welcome page is where a new user learns the extension: its keyboard shortcuts (as the
// browser has them now, and where to change them) and that links from another tool can come along.

/** What Chrome answers for the commands wxt.config.ts defines. */
const CHROME_COMMANDS = [
  { name: '_execute_action', description: '', shortcut: 'Alt+Shift+L' },
  { name: 'save-page', description: 'Save the current page to Learning Loop', shortcut: 'Alt+Shift+S' },
  { name: 'clip-moment', description: 'Clip this moment of the video', shortcut: 'Alt+Shift+C' },
];

let root: HTMLElement;
const mount = async () => {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<WelcomeSection />, root);
  });
};
const shortcutRows = () =>
  [...root.querySelectorAll('.welcome-shortcut-list > div')].map((row) => [
    row.querySelector('dt')?.textContent,
    row.querySelector('dd')?.textContent,
  ]);

beforeEach(() => {
  vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue(CHROME_COMMANDS);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

describe('the welcome page', () => {
  it('lists the keyboard shortcuts the user has, each key a key cap', async () => {
    await mount();
    await vi.waitFor(() => expect(shortcutRows()).toHaveLength(3));
    expect(root.querySelector('#welcome-shortcuts-heading')?.textContent).toBe('Keyboard shortcuts');
    expect(shortcutRows()).toEqual([
      ['Open Learning Loop on the page you are on', 'Alt+Shift+L'],
      ['Save the current page to Learning Loop', 'Alt+Shift+S'],
      ['Clip this moment of the video', 'Alt+Shift+C'],
    ]);
    expect([...root.querySelectorAll('.welcome-shortcut-list dd')][1]!.querySelectorAll('kbd')).toHaveLength(3);
  });

  it('a shortcut the browser left unset (another extension had the keys) says so, and where to set it', async () => {
    vi.spyOn(fakeBrowser.commands, 'getAll').mockResolvedValue(
      CHROME_COMMANDS.map((c) => (c.name === 'save-page' ? { ...c, shortcut: '' } : c)),
    );
    await mount();
    await vi.waitFor(() => expect(shortcutRows()[1]).toEqual(['Save the current page to Learning Loop', 'Not set']));
    expect(root.querySelector('.welcome-shortcuts code')?.textContent).toBe('chrome://extensions/shortcuts');
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    const open = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Open the shortcut settings')!;
    await act(async () => {
      open.click();
    });
    expect(create).toHaveBeenCalledWith({ url: 'chrome://extensions/shortcuts' });
  });

  it('in Firefox the shortcuts are changed in about:addons, opened by the browser’s own call', async () => {
    const openShortcutSettings = vi.fn().mockResolvedValue(undefined);
    Object.assign(fakeBrowser.commands, { openShortcutSettings });
    const place = shortcutSettings(true);
    expect(place.address).toBe('about:addons');
    await place.open();
    expect(openShortcutSettings).toHaveBeenCalled();
  });

  it('points someone coming from Pocket, bookmarks, CSV or a list of links to the import', async () => {
    await mount();
    const section = root.querySelector<HTMLElement>('.welcome-import')!;
    expect(section.querySelector('h2')?.textContent).toBe('Coming from another tool?');
    expect(section.textContent).toMatch(/Pocket/);
    expect(section.textContent).toMatch(/bookmarks/);
    expect(section.textContent).toMatch(/\.csv/);
    expect(section.textContent).toMatch(/one link a line/);
    const link = section.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('#settings/backup');
    expect(link.textContent).toBe('Import under Settings › Backup and restore');
  });
});
