import { browser } from 'wxt/browser';
import { LIMITS } from '../infra/limits';

/**
 * The tab's player as the side panel follows it: a small script run in the tab under the grant the
 * panel has (activeTab from the click that opened it, or the site the user let it follow). Cheap
 * enough to run twice a second; the whole page is read (lib/capture/capture-tab.ts) only when the
 * address names another video.
 */
export interface PlayerReading {
  /** The document's address now (a YouTube in-site navigation changes it without a load). */
  href: string;
  /** Seconds into the video; undefined where the page has no video. */
  timeSec?: number;
  durationSec?: number;
  paused: boolean;
}

export type PlayerAction = { kind: 'pause' } | { kind: 'play' } | { kind: 'seek'; atSec: number };

/**
 * Runs in the page (serialised by `executeScript`, so self-contained): the page's main video, as
 * the capture's reader picks it (YouTube's player first, else the longest).
 */
export function readPlayerInPage(): unknown {
  const videos = Array.from(document.querySelectorAll('video'));
  const video =
    document.querySelector<HTMLVideoElement>('video.html5-main-video') ??
    videos.sort(
      (a, b) => (Number.isFinite(b.duration) ? b.duration : 0) - (Number.isFinite(a.duration) ? a.duration : 0),
    )[0];
  return {
    href: location.href,
    timeSec: video ? video.currentTime : undefined,
    durationSec: video ? video.duration : undefined,
    paused: video ? video.paused : true,
  };
}

/** Runs in the page: pause, play or seek its main video. */
export function controlPlayerInPage(action: PlayerAction): boolean {
  const video = document.querySelector<HTMLVideoElement>('video.html5-main-video') ?? document.querySelector('video');
  if (!video) return false;
  if (action.kind === 'pause') video.pause();
  else if (action.kind === 'play') void video.play().catch(() => undefined);
  else if (Number.isFinite(action.atSec) && action.atSec >= 0) video.currentTime = action.atSec;
  return true;
}

const finite = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;

/** The page's answer, checked: it crossed from a process the page controls. */
export function toPlayerReading(value: unknown): PlayerReading | null {
  if (value === null || typeof value !== 'object') return null;
  const { href, timeSec, durationSec, paused } = value as Record<string, unknown>;
  if (typeof href !== 'string' || href.length > LIMITS.url) return null;
  const reading: PlayerReading = { href, paused: paused !== false };
  const time = finite(timeSec);
  const duration = finite(durationSec);
  if (time !== undefined) reading.timeSec = time;
  if (duration !== undefined) reading.durationSec = duration;
  return reading;
}

/** Undefined when the extension may not script the tab (no grant), or the tab is gone. */
export async function readPlayer(tabId: number): Promise<PlayerReading | null | undefined> {
  try {
    const [answer] = await browser.scripting.executeScript({ target: { tabId }, func: readPlayerInPage });
    return toPlayerReading(answer?.result);
  } catch {
    return undefined;
  }
}

/** Whether the tab's video took the action. */
export async function controlPlayer(tabId: number, action: PlayerAction): Promise<boolean> {
  try {
    const [answer] = await browser.scripting.executeScript({
      target: { tabId },
      func: controlPlayerInPage,
      args: [action],
    });
    return answer?.result === true;
  } catch {
    return false;
  }
}
