import { browser, type Browser } from 'wxt/browser';

export type TabInfo = Pick<Browser.tabs.Tab, 'id' | 'url' | 'title' | 'status' | 'favIconUrl'>;

/** `popup.html?tab=<id>` targets that tab (the e2e suite uses it); otherwise the active tab. */
export async function targetTab(search: string): Promise<TabInfo | undefined> {
  const requested = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(requested) && requested > 0) {
    return browser.tabs.get(requested).catch(() => undefined);
  }
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active;
}
