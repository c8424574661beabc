import { browser, type Browser } from 'wxt/browser';
import { t } from '../i18n';
import { languageReady } from './language';
import { CLIP_MENU_PATTERNS, MENU_CLIP, MENU_SAVE_LINK, MENU_SAVE_PAGE, MENU_SAVE_QUOTE } from './names';

/** The page menu's items, created at install and start, and again in a newly chosen language. */
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

/** "Save quote" on a selection: the context menu item is created with the others (save-feature). */
export function quoteMenu(): Browser.contextMenus.CreateProperties {
  // The browser puts the selected words in for `%s`.
  return { id: MENU_SAVE_QUOTE, title: t('menuSaveQuote'), contexts: ['selection'] };
}
