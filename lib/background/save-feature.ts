import { browser, type Browser } from 'wxt/browser';
import { captureTab } from '../capture/capture-tab';
import { canonicalizeUrl, youtubeVideoId } from '../capture/canonical-url';
import type { CapturedPage } from '../capture/types';
import { describeWriteError } from '../db/errors';
import { saveResource } from '../db/resources';
import { t } from '../i18n';
import { isWebUrl } from '../limits';
import { onMessage } from '../messaging';
import { languageReady, reloadLanguage } from './language';

export const MENU_SAVE_PAGE = 'save-page';
export const MENU_SAVE_LINK = 'save-link';
export const COMMAND_SAVE_PAGE = 'save-page';
const NOTIFICATION_PREFIX = 'saved:';

export function setupSaveFeature(): void {
  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.runtime.onStartup.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  onMessage('languageChanged', async () => {
    await reloadLanguage();
    await createMenus();
  });
}

export async function createMenus(): Promise<void> {
  await languageReady();
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_SAVE_PAGE, title: t('menuSavePage'), contexts: ['page'] });
  browser.contextMenus.create({ id: MENU_SAVE_LINK, title: t('menuSaveLink'), contexts: ['link'] });
}

export async function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId === MENU_SAVE_PAGE && tab) await saveTab(tab);
  else if (info.menuItemId === MENU_SAVE_LINK && info.linkUrl) await saveLink(info.linkUrl, (info as { linkText?: string }).linkText);
}

export async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== COMMAND_SAVE_PAGE) return;
  const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target) await saveTab(target);
}

/** A link is saved from its address alone: we have no right to fetch the page behind it. */
export function pageFromLink(linkUrl: string, linkText?: string): CapturedPage | null {
  const canonicalUrl = canonicalizeUrl(linkUrl);
  if (!canonicalUrl || !isWebUrl(linkUrl)) return null;
  const videoId = youtubeVideoId(linkUrl);
  const host = new URL(linkUrl).hostname.replace(/^www\./, '');
  return {
    url: linkUrl,
    canonicalUrl,
    kind: videoId ? 'video' : 'page',
    title: linkText?.trim() || host + new URL(linkUrl).pathname.replace(/\/$/, ''),
    site: videoId ? 'YouTube' : host,
    ...(videoId ? { videoId, thumbnailUrl: `https://i.ytimg.com/vi/${videoId}/hqdefault.jpg` } : {}),
  };
}

export async function saveTab(tab: Browser.tabs.Tab): Promise<void> {
  const result = await captureTab(tab);
  const page = result.ok ? result.page : result.fallback;
  if (!page) {
    await notify(t('notifyNothingToSave'), tab.title ?? tab.url ?? '');
    return;
  }
  await saveAndConfirm(page);
}

export async function saveLink(linkUrl: string, linkText?: string): Promise<void> {
  const page = pageFromLink(linkUrl, linkText);
  if (!page) {
    await notify(t('notifyNothingToSave'), linkUrl);
    return;
  }
  await saveAndConfirm(page);
}

async function saveAndConfirm(page: CapturedPage): Promise<void> {
  try {
    const { resource, created } = await saveResource(page);
    await notify(created ? t('notifySaved') : t('notifyAlreadySaved'), resource.title);
  } catch (error) {
    await notify(t('notifySaveFailed'), describeWriteError(error));
  }
}

async function notify(title: string, message: string): Promise<void> {
  await languageReady();
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${Date.now()}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icons/128.png'),
    title,
    message: message.slice(0, 200),
  });
}
