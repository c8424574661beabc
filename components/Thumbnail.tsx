import { useState } from 'preact/hooks';
import type { Resource } from '@/lib/model/resource';
import { safeHref } from '@/lib/infra/limits';

const KIND_GLYPH: Record<Resource['kind'], string> = { video: '▶', article: '¶', page: '🔗', activity: '✦' };

/** Thumbnails are the one request the extension makes on its own; `show` follows the setting. */
export function Thumbnail({
  resource,
  show,
  size = 96,
}: {
  resource: Pick<Resource, 'thumbnailUrl' | 'kind'>;
  show: boolean;
  size?: number;
}) {
  const [failed, setFailed] = useState(false);
  const src = show && !failed ? safeHref(resource.thumbnailUrl) : undefined;
  if (!src) {
    return (
      <span class={`thumb thumb-placeholder thumb-${resource.kind}`} style={{ width: `${size}px` }} aria-hidden="true">
        {KIND_GLYPH[resource.kind]}
      </span>
    );
  }
  return (
    <img
      class="thumb"
      style={{ width: `${size}px` }}
      src={src}
      alt=""
      loading="lazy"
      referrerpolicy="no-referrer"
      onError={() => setFailed(true)}
    />
  );
}
