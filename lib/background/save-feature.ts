import { browser, type Browser } from 'wxt/browser';
import { saveCapturedPage } from '../app/resources';
import { captureTab } from '../capture/capture-tab';
import { pageFromUrl } from '../capture/page-from-url';
import type { CapturedPage } from '../capture/types';
import { describeWriteError } from '../db/errors';
import { t } from '../i18n';
import { languageReady } from './language';
import { CLIP_MENU_PATTERNS, MENU_CLIP } from './clip-feature';
import { notify } from './notify';
import { quoteMenu } from './quote-feature';

export const MENU_SAVE_PAGE = 'save-page';
export const MENU_SAVE_LINK = 'save-link';
export const COMMAND_SAVE_PAGE = 'save-page';
const NOTIFICATION_PREFIX = 'saved:';

export function setupSaveFeature(): void {
  browser.runtime.onInstalled.addListener(() => void createMenus());
  browser.runtime.onStartup.addListener(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
}

export async function createMenus(): Promise<void> {
  await languageReady();
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_SAVE_PAGE, title: t('menuSavePage'), contexts: ['page'] });
  browser.contextMenus.create({ id: MENU_SAVE_LINK, title: t('menuSaveLink'), contexts: ['link'] });
  browser.contextMenus.create(quoteMenu());
  browser.contextMenus.create({
    id: MENU_CLIP,
    title: t('menuClipMoment'),
    contexts: ['page', 'video'],
    documentUrlPatterns: CLIP_MENU_PATTERNS,
  });
}

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
