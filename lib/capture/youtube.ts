import { canonicalizeUrl, youtubeStartSeconds, youtubeVideoId, youtubeWatchUrl } from './canonical-url';
import { clean, compact, iconUrl, isoDate, isoDurationSeconds, metaContent, metaProperty, textOf } from './dom';
import { type Chapter, chaptersFromDescription } from '../model/chapter';
import { parseClock } from '../infra/video-time';
import { transcriptAround, transcriptFromPage } from '../clips/transcript';
import type { CapturedPage } from '../model/captured-page';

/*
 * YouTube is a single-page app. After moving from video A to video B inside the site, the URL,
 * the player and the rendered watch page show B, while everything the server sent with the
 * first page (head <meta>, <link rel=canonical>, og:*, the schema.org microdata block and the
 * ytInitialPlayerResponse script) still describes A. So the URL's id is the truth, the live
 * DOM is trusted unless it says it shows another video, and every other source is used only
 * when it names the same id.
 */

interface Facts {
  title?: string;
  channel?: string;
  description?: string;
  durationSec?: number;
  publishedAt?: string;
}

export function youtubeThumbnail(id: string): string {
  return `https://i.ytimg.com/vi/${id}/hqdefault.jpg`;
}

/** "(3) Talk title - YouTube" → "Talk title": the count is unread notifications. */
export function cleanYouTubeTitle(title: string | null | undefined): string | undefined {
  const text = clean(title)
    ?.replace(/^\(\d+\+?\)\s+/, '')
    .replace(/\s+-\s+YouTube(?: Music)?$/, '');
  return text && text !== 'YouTube' && text !== 'YouTube Music' ? text : undefined;
}

function idFromUrl(value: string | null | undefined, base: string): string | null {
  const raw = clean(value);
  if (!raw) return null;
  try {
    return youtubeVideoId(new URL(raw, base).href);
  } catch {
    return null;
  }
}

/** Ids that the server-rendered head claims to describe; empty when it names none. */
function headIds(doc: Document, url: string): string[] {
  const ids = [
    idFromUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), url),
    idFromUrl(doc.querySelector('link[rel="shortlink"]')?.getAttribute('href'), url),
    idFromUrl(metaProperty(doc, 'og:url'), url),
    idFromUrl(metaProperty(doc, 'twitter:url'), url),
    idFromUrl(metaProperty(doc, 'og:video:url'), url),
  ];
  return ids.filter((id): id is string => id !== null);
}

/** Head meta is one block: trusted only when every id it names is the URL's id. */
function fromHead(doc: Document, url: string, id: string): Facts {
  const ids = headIds(doc, url);
  if (ids.length === 0 || ids.some((other) => other !== id)) return {};
  return {
    title: metaContent(doc, 'meta[name="title"]') ?? metaProperty(doc, 'og:title', 'twitter:title'),
    description: metaContent(doc, 'meta[name="description"]') ?? metaProperty(doc, 'og:description'),
  };
}

/** The schema.org VideoObject microdata the server renders into the watch page. */
function fromMicrodata(doc: Document, url: string, id: string): Facts {
  for (const scope of Array.from(doc.querySelectorAll('[itemscope][itemtype*="VideoObject"]'))) {
    const own = (selector: string) => Array.from(scope.querySelectorAll(selector));
    const ids = [
      ...own('meta[itemprop="videoId"], meta[itemprop="identifier"]').map(
        (el) => clean(el.getAttribute('content')) ?? null,
      ),
      ...own('link[itemprop="url"], link[itemprop="embedUrl"], meta[itemprop="embedUrl"]')
        .filter((el) => !el.closest('[itemprop="author"]'))
        .map((el) => idFromUrl(el.getAttribute('href') ?? el.getAttribute('content'), url)),
    ].filter((other): other is string => other !== null);
    if (ids.length === 0 || ids.some((other) => other !== id)) continue;
    const value = (selector: string) => {
      const el = scope.querySelector(selector);
      return clean(el?.getAttribute('content') ?? el?.getAttribute('href'));
    };
    return {
      title: value('meta[itemprop="name"]'),
      channel: value('[itemprop="author"] link[itemprop="name"], [itemprop="author"] meta[itemprop="name"]'),
      description: value('meta[itemprop="description"]'),
      durationSec: isoDurationSeconds(value('meta[itemprop="duration"]')),
      publishedAt: isoDate(value('meta[itemprop="datePublished"]') ?? value('meta[itemprop="uploadDate"]')),
    };
  }
  return {};
}

/** JSON object literal starting at `start` (a `{`), found by brace matching outside strings. */
function objectLiteralAt(text: string, start: number): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  return undefined;
}

interface PlayerResponse {
  videoDetails?: {
    videoId?: unknown;
    title?: unknown;
    author?: unknown;
    lengthSeconds?: unknown;
    shortDescription?: unknown;
  };
  microformat?: { playerMicroformatRenderer?: { publishDate?: unknown; uploadDate?: unknown } };
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? clean(value) : undefined);

/**
 * The player response the server inlines as `var ytInitialPlayerResponse = {…}`. Capture runs
 * in an isolated world that cannot see the page's variables, so it is read from the script.
 */
function fromPlayerResponse(doc: Document, id: string): Facts {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    const match = /ytInitialPlayerResponse\s*=\s*\{/.exec(text);
    if (!match) continue;
    const literal = objectLiteralAt(text, match.index + match[0].length - 1);
    if (!literal) continue;
    let data: PlayerResponse;
    try {
      data = JSON.parse(literal) as PlayerResponse;
    } catch {
      continue;
    }
    const details = data.videoDetails;
    if (!details || details.videoId !== id) continue;
    const micro = data.microformat?.playerMicroformatRenderer;
    const length = Number(details.lengthSeconds);
    return {
      title: str(details.title),
      channel: str(details.author),
      description: str(details.shortDescription),
      durationSec: Number.isFinite(length) && length > 0 ? length : undefined,
      publishedAt: isoDate(str(micro?.publishDate) ?? str(micro?.uploadDate)),
    };
  }
  return {};
}

interface InitialData {
  currentVideoEndpoint?: { watchEndpoint?: { videoId?: unknown } };
  playerOverlays?: {
    playerOverlayRenderer?: {
      decoratedPlayerBarRenderer?: {
        decoratedPlayerBarRenderer?: {
          playerBar?: {
            multiMarkersPlayerBarRenderer?: {
              markersMap?: {
                key?: unknown;
                value?: {
                  chapters?: {
                    chapterRenderer?: { title?: { simpleText?: unknown }; timeRangeStartMillis?: unknown };
                  }[];
                };
              }[];
            };
          };
        };
      };
    };
  };
}

/**
 * Chapter markers from `var ytInitialData = {…}`, trusted only when it names this video: after
 * in-site navigation it still describes the first video of the visit.
 */
export function chaptersFromInitialData(doc: Document, id: string): Chapter[] {
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    const text = script.textContent ?? '';
    const match = /ytInitialData\s*=\s*\{/.exec(text);
    if (!match) continue;
    const literal = objectLiteralAt(text, match.index + match[0].length - 1);
    if (!literal) continue;
    let data: InitialData;
    try {
      data = JSON.parse(literal) as InitialData;
    } catch {
      continue;
    }
    if (data.currentVideoEndpoint?.watchEndpoint?.videoId !== id) return [];
    const markers =
      data.playerOverlays?.playerOverlayRenderer?.decoratedPlayerBarRenderer?.decoratedPlayerBarRenderer?.playerBar
        ?.multiMarkersPlayerBarRenderer?.markersMap ?? [];
    const chapters: Chapter[] = [];
    for (const marker of markers)
      for (const { chapterRenderer } of marker.value?.chapters ?? []) {
        const title = str(chapterRenderer?.title?.simpleText);
        const start = Number(chapterRenderer?.timeRangeStartMillis);
        if (title && Number.isFinite(start) && start >= 0) chapters.push({ startSec: Math.floor(start / 1000), title });
      }
    return chapters.sort((a, b) => a.startSec - b.startSec).slice(0, 200);
  }
  return [];
}

/**
 * The chapters panel the watch page renders (`ytd-macro-markers-list-item-renderer`), each a
 * link to its second: trusted when the links name this video.
 */
export function chaptersFromPanel(doc: Document, url: string, id: string): Chapter[] {
  const chapters: Chapter[] = [];
  for (const item of Array.from(doc.querySelectorAll('ytd-macro-markers-list-item-renderer'))) {
    const link = item.querySelector('a[href]')?.getAttribute('href');
    if (link && idFromUrl(link, url) !== id) return [];
    const title = clean(item.querySelector('h4')?.textContent);
    const startSec = parseClock(item.querySelector('#time')?.textContent ?? '');
    if (title && startSec !== undefined) chapters.push({ startSec, title: title.slice(0, 200) });
  }
  const seen = new Set<number>();
  return chapters.filter((c) => !seen.has(c.startSec) && seen.add(c.startSec)).sort((a, b) => a.startSec - b.startSec);
}

interface Live extends Facts {
  positionSec?: number;
  chapterNow?: string;
  transcriptNow?: string[];
}

/** The rendered watch page and the player, unless they say they still show another video. */
function fromLivePage(doc: Document, url: string, id: string): Live {
  const flexyId = clean(doc.querySelector('ytd-watch-flexy[video-id]')?.getAttribute('video-id'));
  const pageIsStale = flexyId !== undefined && flexyId !== id;
  const playerLinkId = idFromUrl(doc.querySelector('a.ytp-title-link[href]')?.getAttribute('href'), url);
  const playerIsStale = pageIsStale || (playerLinkId !== null && playerLinkId !== id);

  const live: Live = {};
  if (!pageIsStale) {
    live.title = textOf(
      doc,
      'ytd-watch-metadata h1',
      'h1.ytd-watch-metadata',
      '#title h1',
      'ytd-reel-video-renderer[is-active] h2',
      'yt-shorts-video-title-view-model h2',
    );
    live.channel = textOf(
      doc,
      'ytd-watch-metadata ytd-channel-name a',
      '#owner #channel-name a',
      'ytd-video-owner-renderer ytd-channel-name a',
      'ytd-reel-video-renderer[is-active] ytd-channel-name a',
    );
  }

  const video =
    doc.querySelector<HTMLVideoElement>('video.html5-main-video') ?? doc.querySelector<HTMLVideoElement>('video');
  // During an ad the element plays the ad: its clock and length are not the talk's.
  const adShowing = video?.closest('.ad-showing') != null;
  if (video && !playerIsStale && !adShowing) {
    const { currentTime, duration } = video;
    if (Number.isFinite(duration) && duration > 0) live.durationSec = duration;
    if (Number.isFinite(currentTime) && currentTime > 0) live.positionSec = Math.floor(currentTime);
    live.chapterNow = textOf(doc, '.ytp-chapter-title-content');
    // The transcript panel, when open, is of the video playing (it closes on navigation).
    const said = transcriptAround(transcriptFromPage(doc), live.positionSec ?? 0);
    if (said.length) live.transcriptNow = said;
  }
  return live;
}

export function extractYouTube(doc: Document, url: string): CapturedPage | null {
  const id = youtubeVideoId(url);
  if (!id) return null;

  const live = fromLivePage(doc, url, id);
  const sources: Facts[] = [live, fromMicrodata(doc, url, id), fromPlayerResponse(doc, id), fromHead(doc, url, id)];
  const first = <K extends keyof Facts>(key: K): Facts[K] =>
    sources.map((source) => source[key]).find((value) => value !== undefined);

  const startAt = youtubeStartSeconds(url);
  const fromData = chaptersFromInitialData(doc, id);
  const fromPanel = fromData.length ? [] : chaptersFromPanel(doc, url, id);
  const chapters = fromData.length
    ? fromData
    : fromPanel.length
      ? fromPanel
      : chaptersFromDescription(first('description'));
  return compact<CapturedPage>({
    url,
    canonicalUrl: canonicalizeUrl(url) ?? youtubeWatchUrl(id),
    kind: 'video',
    // document.title is last: YouTube retitles the tab on navigation, but not always before
    // the watch page renders, and an unverified title is better than none.
    title: first('title') ?? cleanYouTubeTitle(doc.title) ?? '',
    site: 'YouTube',
    author: first('channel'),
    description: first('description'),
    thumbnailUrl: youtubeThumbnail(id),
    iconUrl: iconUrl(doc, url),
    publishedAt: first('publishedAt'),
    durationSec: first('durationSec'),
    videoId: id,
    positionSec: live.positionSec ?? startAt ?? undefined,
    chapters: chapters.length ? chapters : undefined,
    chapterNow: live.chapterNow,
    transcriptNow: live.transcriptNow,
  });
}
