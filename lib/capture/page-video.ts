import { compact } from './dom';
import { extractPage } from './page';
import type { CapturedPage } from '../model/captured-page';

/** Shorter than this and not playing: a background loop or an animation, not a talk. */
const MIN_TALK_SEC = 60;
const EMBEDDED_PLAYERS =
  /^https?:\/\/(?:www\.)?(?:youtube(?:-nocookie)?\.com\/embed\/|player\.vimeo\.com\/video\/|fast\.wistia\.net\/embed\/)/;

/**
 * A page that plays a video of its own in an HTML5 `<video>` (a conference site, a self-hosted
 * talk, Vimeo): a video with where the user is in it. A player inside another site's iframe is
 * out of reach (activeTab covers the tab's own document); the page says so through
 * `embeddedVideo` instead of clipping 0:00.
 */
export function extractPageVideo(doc: Document, url: string): CapturedPage | null {
  const videos = Array.from(doc.querySelectorAll<HTMLVideoElement>('video'));
  const talk = videos
    .filter((video) => {
      const { duration, currentTime } = video;
      const long = Number.isFinite(duration) && duration >= MIN_TALK_SEC;
      return long || (Number.isFinite(currentTime) && currentTime > 0 && !video.loop);
    })
    .sort((a, b) => (Number.isFinite(b.duration) ? b.duration : 0) - (Number.isFinite(a.duration) ? a.duration : 0))[0];
  if (talk) {
    const page = extractPage(doc, url);
    const { duration, currentTime } = talk;
    return compact<CapturedPage>({
      ...page,
      kind: 'video',
      durationSec: Number.isFinite(duration) && duration > 0 ? duration : undefined,
      positionSec: Number.isFinite(currentTime) && currentTime > 0 ? Math.floor(currentTime) : undefined,
    });
  }
  return null;
}

/** Whether the page shows a video from another site in an iframe (which capture cannot read). */
export function hasEmbeddedPlayer(doc: Document): boolean {
  return Array.from(doc.querySelectorAll('iframe[src]')).some((frame) =>
    EMBEDDED_PLAYERS.test(frame.getAttribute('src') ?? ''),
  );
}
