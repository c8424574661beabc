import { browser, type Browser } from 'wxt/browser';
import { canonicalizeUrl } from '../capture/canonical-url';
import { captureTab } from '../capture/capture-tab';
import { controlPlayer, type PlayerReading, readPlayer } from '../capture/player';
import { IDLE, nextTypingPause, type TypingEvent, type TypingPause } from '../clips/typing-pause';
import { t } from '../i18n';
import { newId } from '../infra/ids';
import { checkClipTime, clipTimeLimit, formatClipTime, formatClock } from '../infra/video-time';
import type { CapturedPage } from '../model/captured-page';
import { chapterAt } from '../model/chapter';
import type { Clip } from '../model/clip';
import type { Resource } from '../model/resource';
import { pauseWhileTyping } from '../settings';
import { addClip, getResourceByUrl, saveCapturedPage } from './resources';

/**
 * The side panel beside a video (entrypoints/sidepanel), decided here and shown by
 * components/sidepanel: which tab it follows (the one `?tab=<id>` names, else its window's active
 * tab), that tab's video read whole when its address names a new one and its player read twice a
 * second for the live time, the note's moment and pause while typing. One panel per page, so its
 * state is this module's: the view reads `panelState()` and follows `subscribePanel`.
 */

/** How often the player is read: the live time moves by whole seconds, a new video shows within 2 s. */
export const PANEL_POLL_MS = 500;
/** The site Follow this tab asks for when the tab's address is hidden (no grant shows none). */
export const FOLLOW_ORIGIN_FALLBACK = 'https://www.youtube.com/*';

export type PanelView =
  /** Finding the tab, or reading a new video's page: nothing of the last video is shown. */
  | { phase: 'looking' }
  /** The extension may not read the tab: a neutral state, never the previous video's clips. */
  | { phase: 'no-grant'; refused?: boolean }
  | { phase: 'not-video' }
  | { phase: 'video'; page: CapturedPage };

export interface PanelState {
  view: PanelView;
  tabId?: number;
  /** The player's time and state, read live. */
  timeSec: number;
  paused: boolean;
  /** The open note's moment (taken at its first keystroke). */
  moment?: number;
}

let state: PanelState = { view: { phase: 'looking' }, timeSec: 0, paused: true };
const listeners = new Set<() => void>();
let typing: TypingPause = IDLE;
let pauseSetting = true;
/** Bumped when the followed tab or its video changes: a read started before speaks no more. */
let generation = 0;
/** A whole-page read under way for this address. */
let readingHref: string | null = null;
/** The video (key) the view was decided for: a page read as no video is not read again each poll. */
let shownKey: string | null = null;
/**
 * The page read again at the note's first keystroke, for what the page shows at that moment only
 * (the transcript panel's lines): kept with the clip when it was read at the note's moment.
 */
let atMoment: { moment: number; page?: CapturedPage } | null = null;

export function panelState(): PanelState {
  return state;
}

export function subscribePanel(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function update(patch: Partial<PanelState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** The video the address names (YouTube: its id), to tell a new video from the same one. */
export function videoKey(href: string): string {
  return canonicalizeUrl(href) ?? href.split('#')[0] ?? href;
}

/** A different tab or video: everything of the last one goes before anything of the new one shows. */
function leave(view: PanelView = { phase: 'looking' }): void {
  generation++;
  readingHref = null;
  shownKey = null;
  typing = IDLE;
  atMoment = null;
  update({ view, moment: undefined, timeSec: 0, paused: true });
}

async function readWholePage(tabId: number, reading: PlayerReading): Promise<void> {
  const ticket = generation;
  readingHref = reading.href;
  const result = await captureTab({ id: tabId, url: reading.href, status: 'complete' });
  if (ticket !== generation || readingHref !== reading.href) return;
  readingHref = null;
  shownKey = videoKey(reading.href);
  const page = result.ok ? result.page : undefined;
  update({ view: page?.kind === 'video' ? { phase: 'video', page } : { phase: 'not-video' } });
}

/** One look at the tab: the live time, and a new video read whole when the address names one. */
export async function pollPanel(): Promise<void> {
  const { tabId } = state;
  if (tabId === undefined) return;
  const ticket = generation;
  const reading = await readPlayer(tabId);
  if (ticket !== generation || tabId !== state.tabId) return;
  if (reading === undefined) {
    if (state.view.phase !== 'no-grant') leave({ phase: 'no-grant' });
    return;
  }
  if (!reading || reading.timeSec === undefined) {
    if (state.view.phase !== 'not-video') leave({ phase: 'not-video' });
    return;
  }
  const key = videoKey(reading.href);
  if (shownKey !== key) {
    if (readingHref !== null && videoKey(readingHref) === key) return;
    if (state.view.phase !== 'looking') leave();
    void readWholePage(tabId, reading);
    return;
  }
  const timeSec = Math.floor(reading.timeSec);
  if (timeSec !== state.timeSec || reading.paused !== state.paused) update({ timeSec, paused: reading.paused });
}

/** Follows another tab (the window's active tab changed). */
export function followTab(tabId: number | undefined): void {
  if (tabId === state.tabId) return;
  leave();
  update({ tabId });
  void pollPanel();
}

/**
 * Starts the panel: the tab `?tab=<id>` names (the tests), else the window's active tab, followed
 * as the user switches tabs; the player read every PANEL_POLL_MS. Returns how to stop.
 */
export function startPanel(search: string): () => void {
  const requested = Number(new URLSearchParams(search).get('tab'));
  const fixed = Number.isInteger(requested) && requested > 0 ? requested : undefined;
  void pauseWhileTyping.getValue().then((value) => {
    pauseSetting = value;
  });
  const unwatch = pauseWhileTyping.watch((value) => {
    pauseSetting = value;
  });
  let windowId: number | undefined;
  const onActivated = (info: Browser.tabs.OnActivatedInfo) => {
    if (info.windowId === windowId) followTab(info.tabId);
  };
  if (fixed !== undefined) followTab(fixed);
  else {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
      windowId = tab?.windowId;
      if (tab?.id !== undefined) followTab(tab.id);
      else leave({ phase: 'no-grant' });
    });
    browser.tabs.onActivated.addListener(onActivated);
  }
  const timer = setInterval(() => void pollPanel(), PANEL_POLL_MS);
  return () => {
    clearInterval(timer);
    unwatch();
    if (fixed === undefined) browser.tabs.onActivated.removeListener(onActivated);
  };
}

/**
 * Follow this tab: asks for the site inside the click (the request must be the handler's first
 * call, or the browser refuses it for want of a gesture), then reads the tab again.
 */
export function followThisSite(origin = FOLLOW_ORIGIN_FALLBACK): Promise<boolean> {
  return browser.permissions.request({ origins: [origin] }).then(
    (granted) => {
      if (granted) void pollPanel();
      else update({ view: { phase: 'no-grant', refused: true } });
      return granted;
    },
    () => false,
  );
}

function typingEvent(event: TypingEvent): void {
  const next = nextTypingPause(typing, event);
  typing = next.state;
  const { tabId } = state;
  if (!next.command || tabId === undefined) return;
  update({ paused: next.command === 'pause' });
  void controlPlayer(tabId, { kind: next.command });
}

/** A keystroke in the note box: the first takes the moment (and pauses a playing video). */
export function noteTyped(text: string): number {
  if (text === '') {
    endNote('emptied');
    return state.timeSec;
  }
  if (state.moment === undefined) {
    update({ moment: state.timeSec });
    readAtMoment(state.timeSec);
  }
  typingEvent({ kind: 'key', playing: !state.paused, enabled: pauseSetting });
  return state.moment ?? state.timeSec;
}

function readAtMoment(moment: number): void {
  const { tabId, view } = state;
  if (tabId === undefined || view.phase !== 'video') return;
  const reading = { moment } as { moment: number; page?: CapturedPage };
  atMoment = reading;
  void captureTab({ id: tabId, url: view.page.url, status: 'complete' }).then((result) => {
    if (result.ok) reading.page = result.page;
  });
}

/** The note is done without being stored: emptied, or left empty. */
export function endNote(how: 'emptied' | 'left-empty'): void {
  if (state.moment !== undefined) update({ moment: undefined });
  atMoment = null;
  typingEvent({ kind: how });
}

export type StoreOutcome = { ok: true; text: string } | { ok: false; text: string };

/**
 * The clip for the note: at its moment, or a segment reaching back `segment` seconds; with the
 * chapter there and, when the page was read at that very moment, what its transcript panel showed.
 */
function clipFor(page: CapturedPage, at: number, note: string, segment?: number): Clip {
  const endSec = segment ? at : undefined;
  const atSec = segment ? Math.max(0, at - segment) : at;
  const read = atMoment?.moment === at ? atMoment.page : undefined;
  const sameMoment = read?.positionSec !== undefined && Math.floor(read.positionSec) === at && !segment;
  const chapter = chapterAt(page.chapters, atSec) ?? (sameMoment ? read?.chapterNow : undefined);
  const transcript = sameMoment ? read?.transcriptNow : undefined;
  return {
    id: newId(),
    atSec,
    ...(endSec !== undefined && endSec > atSec ? { endSec } : {}),
    note,
    ...(chapter ? { chapter } : {}),
    ...(transcript?.length ? { transcript } : {}),
    createdAt: Date.now(),
  };
}

/**
 * Stores the note as a clip of the video (saving the video first when it is new), through the
 * same commands as the popup's clip box, then plays the video again if the note paused it.
 */
export async function storeNote(note: string, segment?: number): Promise<StoreOutcome> {
  const { view } = state;
  if (view.phase !== 'video') return { ok: false, text: t('panelNoVideo') };
  const { page } = view;
  const at = state.moment ?? state.timeSec;
  const reach = segment ? { atSec: Math.max(0, at - segment), endSec: at } : { atSec: at };
  if (checkClipTime(reach.atSec, reach.endSec, page.durationSec) === 'past-end')
    return { ok: false, text: t('clipPastEnd', formatClock(clipTimeLimit(page.durationSec))) };
  const saved: Resource = (await getResourceByUrl(page.canonicalUrl)) ?? (await saveCapturedPage(page)).resource;
  // Made after the lookup: the page read at the first keystroke has had that long to answer.
  const clip = clipFor(page, at, note.trim(), segment);
  await addClip(saved.id, clip);
  atMoment = null;
  update({ moment: undefined });
  typingEvent({ kind: 'stored' });
  const label = formatClipTime(clip);
  return { ok: true, text: clip.chapter ? t('clipAddedChapter', label, clip.chapter) : t('clipAdded', label) };
}

/** A clip's time clicked: the video in the tab goes there (no new tab). */
export function seekTo(atSec: number): Promise<boolean> {
  const { tabId } = state;
  if (tabId === undefined) return Promise.resolve(false);
  update({ timeSec: Math.floor(atSec) });
  return controlPlayer(tabId, { kind: 'seek', atSec });
}

/** For tests: a fresh panel. */
export function resetPanelForTests(): void {
  generation++;
  readingHref = null;
  shownKey = null;
  typing = IDLE;
  atMoment = null;
  pauseSetting = true;
  state = { view: { phase: 'looking' }, timeSec: 0, paused: true };
}
