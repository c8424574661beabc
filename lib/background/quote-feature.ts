import type { Browser } from 'wxt/browser';
import { keepQuote } from '../app/quotes';
import { captureFailureMessage, captureTab } from '../capture/capture-tab';
import { describeWriteError } from '../i18n/write-errors';
import { t } from '../i18n';
import { capLine, LIMITS } from '../infra/limits';
import { fragmentFromText } from '../quotes/fragment';
import type { SelectedQuote } from '../model/quote';
import { confirmOnButton } from './badge';
import { notify } from './notify';

const NOTIFICATION_PREFIX = 'quoted:';

/**
 * A quote from the selection the user right-clicked. The page is read as the popup reads it, so
 * the quote gets its context and its text directive from the live selection. Where the page
 * cannot be read (the PDF viewer, a frame of another site) the menu's own `selectionText` is
 * kept, without context, and the notification says so.
 */
export async function quoteFromMenu(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
  const menuText = capLine(info.selectionText, LIMITS.quote);
  if (info.editable) {
    await say(() => t('notifyQuoteInField'), t('notifyQuoteInFieldDetail'));
    return;
  }
  if (!tab) return;
  const result = await captureTab(tab);
  const page = result.ok ? result.page : result.fallback;
  if (!page) {
    await say(() => t('notifyNothingToSave'), result.ok ? '' : captureFailureMessage(result.reason));
    return;
  }
  if (page.selectionRefused) {
    await say(() => t('notifyQuoteInField'), t('notifyQuoteInFieldDetail'));
    return;
  }
  // A selection in a frame is not the top page's: the page's own reading would miss it.
  const inFrame = info.frameId !== undefined && info.frameId !== 0;
  let selection: SelectedQuote | undefined = inFrame ? undefined : page.selection;
  const withoutPlace = !selection;
  if (!selection && menuText) {
    const fragment = fragmentFromText(menuText);
    selection = { exact: menuText, ...(fragment ? { fragment } : {}) };
  }
  if (!selection) {
    await say(() => t('notifyNothingSelected'), page.title);
    return;
  }
  try {
    const { resource, already } = await keepQuote(page, selection);
    const title = () =>
      already ? t('notifyQuoteAlready') : withoutPlace ? t('notifyQuoteSavedNoPlace') : t('notifyQuoteSaved');
    const excerpt = `“${capLine(selection.exact, 120)}” · ${resource.title}`;
    const detail = already
      ? undefined
      : withoutPlace
        ? t('notifyQuoteNoPlaceDetail')
        : page.selectionLink
          ? t(page.selectionLink === 'first' ? 'quoteLinkFirst' : 'quoteLinkMissed')
          : undefined;
    await say(title, detail ? `${excerpt}\n${detail}` : excerpt);
    await confirmOnButton(title());
  } catch (error) {
    await say(() => t('notifySaveFailed'), describeWriteError(error));
  }
}

function say(title: () => string, message: string): Promise<void> {
  return notify(`${NOTIFICATION_PREFIX}${Date.now()}`, () => ({ title: title(), message }));
}
