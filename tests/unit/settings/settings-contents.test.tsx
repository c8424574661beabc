import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_PANELS, SettingsSection } from '../../../components/settings/SettingsSection';
import * as messaging from '../../../lib/messaging-transport';
import { parseRoute } from '../../../lib/routes';

// Settings is one long page (3,000 px): a list of its sections lets the user jump to one, by
// mouse or keyboard, and marks the one being read.

let host: HTMLElement;
async function mount(hash = '#settings') {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(<SettingsSection route={parseRoute(hash)} />, host);
  });
  // Each panel draws once its settings are read.
  await vi.waitFor(() =>
    expect(host.querySelectorAll('.settings-panels > section > h2').length).toBe(SETTINGS_PANELS.length),
  );
}
const contents = () => host.querySelector<HTMLElement>('nav.settings-toc')!;
const links = () => [...contents().querySelectorAll('a')];
const link = (name: string) => links().find((a) => a.textContent === name)!;
const marked = () =>
  links()
    .filter((a) => a.getAttribute('aria-current') === 'location')
    .map((a) => a.textContent);
const frame = () =>
  act(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
  });

beforeEach(() => {
  vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
  vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => undefined);
});
afterEach(() => {
  render(null, host);
  host.remove();
  vi.restoreAllMocks();
});

describe('the settings page’s section list', () => {
  it('names every panel, in the page’s order, by the heading the page shows', async () => {
    await mount();
    expect(contents().getAttribute('aria-labelledby')).toBe('settings-toc-title');
    expect(host.querySelector('#settings-toc-title')?.textContent).toBe('On this page');
    const headings = [...host.querySelectorAll('.settings-panels > section > h2')].map((h) => h.textContent?.trim());
    expect(headings).toHaveLength(SETTINGS_PANELS.length);
    expect(links().map((a) => a.textContent)).toEqual(headings);
    expect(links().map((a) => a.getAttribute('href'))).toEqual(SETTINGS_PANELS.map((p) => `#settings/${p.id}`));
    // At the top of the page, the first panel is the one being read.
    expect(marked()).toEqual(['Reflection prompts']);
  });

  it('a link (Enter on it is a click) brings its panel up with the heading focused, and marks itself', async () => {
    await mount();
    const target = link('Backup and restore');
    target.focus();
    await act(async () => {
      target.click();
    });
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
    expect(document.activeElement?.textContent).toBe('Backup and restore');
    expect(document.activeElement?.tagName).toBe('H2');
    expect(marked()).toEqual(['Backup and restore']);
    expect(location.hash).toBe('#settings/backup');

    // Back to the list, then another panel.
    await act(async () => {
      link('Language and privacy').click();
    });
    expect(document.activeElement?.id).toBe('general-settings');
    expect(marked()).toEqual(['Language and privacy']);
  });

  it('opened at a panel (#settings/team-chat from the Team page), that panel is focused and marked', async () => {
    await mount('#settings/team-chat');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Team chat'));
    expect(marked()).toEqual(['Team chat']);
  });

  it('scrolling marks the panel being read', async () => {
    await mount();
    // The window shows the sync panel near its top: the panels above it have scrolled past.
    const tops: Record<string, number> = { schedule: -1400, prompts: -700, sync: 40, 'team-chat': 900 };
    for (const { id, heading } of SETTINGS_PANELS) {
      const panel = document.getElementById(heading)!.closest('section')!;
      vi.spyOn(panel, 'getBoundingClientRect').mockReturnValue({ top: tops[id] ?? 1600 } as DOMRect);
    }
    await act(async () => {
      dispatchEvent(new Event('scroll'));
    });
    await frame();
    expect(marked()).toEqual(['Sync and team']);
  });
});
