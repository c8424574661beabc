import { browser, type Browser } from 'wxt/browser';
import { saveCapturedPage } from '../app/resources';
import { captureTab } from '../capture/capture-tab';
import { pageFromUrl } from '../capture/page-from-url';
import type { CapturedPage } from '../model/captured-page';
import { describeWriteError } from '../i18n/write-errors';
import { t } from '../i18n';
import { notify } from './notify';
import { MENU_SAVE_PAGE, MENU_SAVE_LINK, COMMAND_SAVE_PAGE } from './names';

const NOTIFICATION_PREFIX = 'saved:';

export async function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  if (info.menuItemId === MENU_SAVE_PAGE && tab) await saveTab(tab);
  else if (info.menuItemId === MENU_SAVE_LINK && info.linkUrl)
    await saveLink(info.linkUrl, (info as { linkText?: string }).linkText);
}

export async function onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  if (command !== COMMAND_SAVE_PAGE) return;
  const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target) await saveTab(target);
}

/**
 * A link is saved from its address alone: we have no right to fetch the page behind it. The
 * address keeps what it says, so a YouTube link with `&t=` keeps its moment.
 */
export function pageFromLink(linkUrl: string, linkText?: string): CapturedPage | null {
  return pageFromUrl(linkUrl, linkText) ?? null;
}

export async function saveTab(tab: Browser.tabs.Tab): Promise<void> {
  const result = await captureTab(tab);
  const page = result.ok ? result.page : result.fallback;
  if (!page) {
    await confirm(() => t('notifyNothingToSave'), tab.title ?? tab.url ?? '');
    return;
  }
  await saveAndConfirm(page);
}

export async function saveLink(linkUrl: string, linkText?: string): Promise<void> {
  const page = pageFromLink(linkUrl, linkText);
  if (!page) {
    await confirm(() => t('notifyNothingToSave'), linkUrl);
    return;
  }
  await saveAndConfirm(page);
}

async function saveAndConfirm(page: CapturedPage): Promise<void> {
  try {
    const { resource, created } = await saveCapturedPage(page);
    await confirm(() => (created ? t('notifySaved') : t('notifyAlreadySaved')), resource.title);
  } catch (error) {
    await confirm(() => t('notifySaveFailed'), describeWriteError(error));
  }
}

function confirm(title: () => string, message: string): Promise<void> {
  return notify(`${NOTIFICATION_PREFIX}${Date.now()}`, () => ({ title: title(), message: message.slice(0, 200) }));
}
