import { capLine, isWebUrl, LIMITS } from '../infra/limits';
import { canonicalizeUrl, youtubeStartSeconds, youtubeVideoId } from './canonical-url';
import { compact, hostLabel } from './dom';
import type { CapturedPage } from '../model/captured-page';
import { cleanYouTubeTitle, youtubeThumbnail } from './youtube';

/**
 * What can be saved from an address and a title alone, without reading the page: a tab that
 * cannot be scripted, a right-clicked link, a line of an imported list. The one place that
 * decides kind, title, site and (for YouTube, from `t=`) the moment.
 */
export function pageFromUrl(url: string, title?: string, favIconUrl?: string): CapturedPage | undefined {
  const canonicalUrl = canonicalizeUrl(url);
  if (!canonicalUrl) return undefined;
  const videoId = youtubeVideoId(url);
  const iconUrl = isWebUrl(favIconUrl) ? favIconUrl : undefined;
  if (videoId) {
    return compact<CapturedPage>({
      url,
      canonicalUrl,
      kind: 'video',
      title: capLine(cleanYouTubeTitle(title), LIMITS.title) || hostAndPath(url),
      site: 'YouTube',
      thumbnailUrl: youtubeThumbnail(videoId),
      iconUrl,
      videoId,
      positionSec: youtubeStartSeconds(url) ?? undefined,
    });
  }
  return compact<CapturedPage>({
    url,
    canonicalUrl,
    kind: 'page',
    title: capLine(title, LIMITS.title) || hostAndPath(url) || url,
    site: hostLabel(url),
    iconUrl,
  });
}

/** "example.org/guide/intro": what a link says when it has no title. */
function hostAndPath(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname.replace(/^www\./, '')}${parsed.pathname.replace(/\/$/, '')}`;
}
