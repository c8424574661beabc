import { browser, type Browser } from 'wxt/browser';
import { addClip, saveCapturedPage } from '../app/resources';
import { captureTab } from '../capture/capture-tab';
import { chapterAt } from '../clips/chapters';
import { formatClock } from '../clips/time';
import { describeWriteError } from '../db/errors';
import { t } from '../i18n';
import { newId } from '../ids';
import { markBadge } from './badge';
import { notify } from './notify';

export const COMMAND_CLIP = 'clip-moment';
export const MENU_CLIP = 'clip-moment';
/** Watch pages (YouTube answers a right-click on the player itself with its own menu). */
export const CLIP_MENU_PATTERNS = [
  'https://www.youtube.com/watch*',
  'https://m.youtube.com/watch*',
  'https://www.youtube.com/shorts/*',
  'https://music.youtube.com/watch*',
];
const NOTIFICATION_PREFIX = 'clipped:';
export const CLIP_CONFIRMED_ALARM = 'clip-confirmed';
/** How long the toolbar button says a clip was made. */
const CONFIRM_MINUTES = 1;

/** Clip this moment without opening the popup: the keyboard command and the page menu. */
export function setupClipFeature(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === COMMAND_CLIP) void clipActiveTab(tab);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_CLIP && tab) void clipTab(tab);
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === CLIP_CONFIRMED_ALARM) void endConfirmation();
  });
}

/** The toolbar button says "✓" and, on hover, what was kept (a clip, a quote), for a minute. */
export async function confirmOnButton(text: string): Promise<void> {
  await markBadge('clipped', true);
  await browser.action.setTitle({ title: `${t('extName')}: ${text}` });
  await browser.alarms.create(CLIP_CONFIRMED_ALARM, { delayInMinutes: CONFIRM_MINUTES });
}

/** The badge and tooltip go back to what is waiting, if anything (renderBadge). */
async function endConfirmation(): Promise<void> {
  await markBadge('clipped', false);
}

async function clipActiveTab(tab?: Browser.tabs.Tab): Promise<void> {
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
