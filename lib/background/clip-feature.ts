import { browser, type Browser } from 'wxt/browser';
import { addClip, saveCapturedPage } from '../app/resources';
import { captureTab } from '../capture/capture-tab';
import { chapterAt } from '../model/chapter';
import { formatClock } from '../infra/video-time';
import { describeWriteError } from '../i18n/write-errors';
import { t } from '../i18n';
import { newId } from '../infra/ids';
import { confirmOnButton } from './badge';
import { notify } from './notify';

const NOTIFICATION_PREFIX = 'clipped:';
/** Clip this moment without opening the popup: the keyboard command (the page menu: clipTab). */
export async function clipActiveTab(tab?: Browser.tabs.Tab): Promise<void> {
  const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  if (target) await clipTab(target);
}

/**
 * A clip at the moment the tab's video shows, saving the video first when it is new; a
 * notification says where ("Clipped 30:30 · Chapter"), and the popup opens where the browser
 * lets an extension open it, for the note.
 */
export async function clipTab(tab: Browser.tabs.Tab): Promise<void> {
  const result = await captureTab(tab);
  const page = result.ok ? result.page : undefined;
  if (page?.kind !== 'video') {
    await say(() => t('notifyNothingToClip'), tab.title ?? tab.url ?? '');
    return;
  }
  const atSec = page.positionSec ?? 0;
  try {
    const { resource } = await saveCapturedPage(page);
    const chapter = chapterAt(page.chapters, atSec) ?? page.chapterNow;
    await addClip(resource.id, {
      id: newId(),
      atSec,
      note: '',
      ...(chapter ? { chapter } : {}),
      ...(page.transcriptNow?.length ? { transcript: page.transcriptNow } : {}),
      createdAt: Date.now(),
    });
    const clock = formatClock(atSec);
    const said = () => (chapter ? t('notifyClippedChapter', clock, chapter) : t('notifyClipped', clock));
    await say(said, resource.title);
    await confirmOnButton(said());
  } catch (error) {
    await say(() => t('notifySaveFailed'), describeWriteError(error));
    return;
  }
  await openPopupForTheNote();
}

/** Chrome 127+ opens the popup for a command (a user gesture); elsewhere the notification is the answer. */
async function openPopupForTheNote(): Promise<void> {
  try {
    await (browser.action as { openPopup?: () => Promise<void> }).openPopup?.();
  } catch {
    // Not allowed here (no gesture, an older browser, Firefox without a focused window).
  }
}

function say(title: () => string, message: string): Promise<void> {
  return notify(`${NOTIFICATION_PREFIX}${Date.now()}`, () => ({ title: title(), message: message.slice(0, 200) }));
}
