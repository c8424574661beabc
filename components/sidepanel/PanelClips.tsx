import { useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/hooks/live';
import { useUndoOffer } from '@/components/hooks/undo';
import { ClipNote } from '@/components/popup/ClipBox';
import { getResourceByUrl, removeClip } from '@/lib/app/resources';
import { seekTo } from '@/lib/app/side-panel';
import { t } from '@/lib/i18n';
import { formatClipTime, formatClock } from '@/lib/infra/video-time';
import type { Clip } from '@/lib/model/clip';
import type { Resource } from '@/lib/model/resource';

function PanelClip({ resource, clip, onRemove }: { resource: Resource; clip: Clip; onRemove: () => void }) {
  const label = formatClock(clip.atSec);
  return (
    <li class="clip-item">
      <button
        type="button"
        class="clip-time btn-link"
        aria-label={t('panelSeekTo', label)}
        onClick={() => void seekTo(clip.atSec)}
      >
        {formatClipTime(clip)}
      </button>
      <span class="clip-text">
        {clip.chapter && (
          <span class="clip-chapter" dir="auto">
            {clip.chapter}
          </span>
        )}
        <ClipNote resourceId={resource.id} clip={clip} label={label} fresh={false} onDone={() => undefined} />
        {clip.transcript?.length ? (
          <span class="clip-transcript small muted" dir="auto">
            {clip.transcript.join(' ')}
          </span>
        ) : null}
      </span>
      <button
        type="button"
        class="btn btn-small btn-ghost"
        aria-label={t('libStampRemoveAt', label)}
        onClick={onRemove}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  );
}

/** The video's clips, newest first, live: a clip added in the popup or the library shows at once. */
export function PanelClips({ canonicalUrl }: { canonicalUrl: string }) {
  const [error, setError] = useState('');
  const stored = useLiveQuery(
    () => getResourceByUrl(canonicalUrl).then((found) => ({ url: canonicalUrl, resource: found ?? null })),
    ['resources'],
    [canonicalUrl],
  );
  const undo = useUndoOffer(setError);
  // Only this video's: a list loaded for another address is never shown under this one.
  const resource = stored.data?.url === canonicalUrl ? stored.data.resource : null;
  const clips = [...(resource?.clips ?? [])].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <section class="panel-clips" aria-labelledby="panel-clips-title">
      <h2 id="panel-clips-title" class="panel-subtitle">
        {t('clipsOfVideo')}
      </h2>
      {error && (
        <p class="small notice notice-error" role="alert">
          {error}
        </p>
      )}
      {undo.offer && (
        <p class="small" role="status">
          {t('clipRemoved')}{' '}
          <button type="button" class="btn btn-small" onClick={() => void undo.takeBack()}>
            {t('libUndo')}
          </button>
        </p>
      )}
      {resource && clips.length > 0 ? (
        <ol class="clip-list" aria-label={t('clipsOfVideo')}>
          {clips.map((clip) => (
            <PanelClip
              key={clip.id}
              resource={resource}
              clip={clip}
              onRemove={() => void undo.remove(() => removeClip(resource.id, clip.id))}
            />
          ))}
        </ol>
      ) : (
        stored.data?.url === canonicalUrl && <p class="small muted">{t('panelNoClips')}</p>
      )}
    </section>
  );
}
