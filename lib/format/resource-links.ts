import type { Resource } from '../model/resource';
import { safeHref } from '../infra/limits';

/** A link that opens the resource; a video opens at `atSec` (default: where it was clipped). */
export function openUrl(
  resource: Pick<Resource, 'url' | 'kind' | 'videoId' | 'positionSec'>,
  atSec = resource.positionSec,
): string | undefined {
  if (resource.kind === 'video' && resource.videoId) {
    const start = atSec && atSec > 0 ? `&t=${Math.floor(atSec)}s` : '';
    return `https://www.youtube.com/watch?v=${encodeURIComponent(resource.videoId)}${start}`;
  }
  const href = safeHref(resource.url);
  // Vimeo starts at `#t=754s`; other sites' players have no address for a moment.
  if (href && resource.kind === 'video' && atSec && atSec > 0 && /^https:\/\/(?:www\.)?vimeo\.com\//.test(href))
    return `${href.replace(/#.*$/, '')}#t=${Math.floor(atSec)}s`;
  return href;
}
