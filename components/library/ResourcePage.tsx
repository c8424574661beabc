import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { deleteResources, type ResourcePatch } from '@/lib/app/resources';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Quote } from '@/lib/model/quote';
import type { Clip } from '@/lib/model/clip';
import type { Resource, ResourceStatus, SharedHow } from '@/lib/model/resource';
import { formatClock, formatDate, t } from '@/lib/i18n';
import { LIMITS, parseTagInput } from '@/lib/infra/limits';
import { STATUSES } from '@/lib/library/filter';
import {
  bylineBesideMeta,
  kindChip,
  resourceMetaLine,
  SHARED_HOW_OPTIONS,
  statusLabel,
} from '@/lib/format/resource-format';
import { openUrl } from '@/lib/format/resource-links';
import { ConflictNotice } from '../ConflictNotice';
import { Thumbnail } from '../Thumbnail';
import { useShowThumbnails } from '@/components/hooks/live';
import { resourcesListHash } from './ResourcesSection';
import { ResourceClips } from './ResourceClips';
import { ResourceQuotes } from './ResourceQuotes';
import { ResourceTakeaways } from './ResourceTakeaways';
import { ResourceConnections } from './ResourceConnections';
import { takeawayFromItem } from '@/lib/app/takeaways';
import { ActivityDetails } from './ActivityDetails';
import { type SaveState, useResourceEditor } from './useResourceEditor';
import '@/components/activities/activities.css';
import './resources.css';

/** "Published 5 Mar 2024 · Saved 12 Mar 2025": what follows the site, channel or author and length. */
function datesLine(resource: Resource): string {
  const parts: string[] = [];
  if (resource.publishedAt && !Number.isNaN(Date.parse(resource.publishedAt)))
    parts.push(t('libPublished', formatDate(resource.publishedAt)));
  parts.push(t(resource.kind === 'activity' ? 'libLoggedOn' : 'libSavedOn', formatDate(resource.createdAt)));
  return parts.filter(Boolean).join(' · ');
}

/** One resource: notes and takeaways saved as you type, tags, status, shared, moments in a video. */
export function ResourcePage({ id }: { id: string }) {
  const editor = useResourceEditor(id);
  const { resource, setResource, save, setSave, persist } = editor;
  const [learnedUndo, setLearnedUndo] = useState(false);
  const thumbnails = useShowThumbnails();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (resource) {
      document.title = `${resource.title} · ${t('extName')}`;
      // Arriving from the list (the clicked row is gone): start reading at the title.
      const active = document.activeElement;
      if (!active || active === document.body || active.id === 'main') heading.current?.focus({ preventScroll: true });
    }
  }, [resource?.id]);

  /** A quote becomes a takeaway of its own, whose review card replaces the quote's. */
  const quoteToTakeaway = (quote: Quote) => {
    const line = `“${quote.exact}”${quote.note.trim() ? ` — ${quote.note.trim()}` : ''}`;
    void takeawayFromItem(id, { kind: 'quote', id: quote.id }, line).then(
      (updated) => updated && setResource(updated),
      (error: unknown) => setSave({ phase: 'error', message: describeWriteError(error) }),
    );
  };

  /** A clip becomes a takeaway the same way: its time and its words, its card handed over. */
  const clipToTakeaway = (clip: Clip, line: string) =>
    takeawayFromItem(id, { kind: 'clip', id: clip.id }, line).then(
      (updated) => {
        if (updated) setResource(updated);
        return Boolean(updated);
      },
      (error: unknown) => {
        setSave({ phase: 'error', message: describeWriteError(error) });
        return false;
      },
    );

  /** One click once there is a takeaway; Undo puts it back to To learn. Status never changes by itself. */
  const markLearned = () => {
    setLearnedUndo(true);
    void persist({ status: 'learned' });
  };

  if (resource === undefined) {
    return save.phase === 'error' ? (
      <p class="notice notice-error" role="alert">
        {save.message}
      </p>
    ) : (
      <p class="muted" aria-busy="true">
        {t('libLoading')}
      </p>
    );
  }

  if (resource === null) {
    return (
      <div class="stack">
        <a class="res-back" href={resourcesListHash()}>
          {t('libBackToList')}
        </a>
        <div class="empty">
          <h1>{t('libNotFoundTitle')}</h1>
          <p>{t('libNotFound')}</p>
        </div>
      </div>
    );
  }

  const onDelete = async () => {
    try {
      await deleteResources([id]);
      location.hash = resourcesListHash();
    } catch (error) {
      setSave({ phase: 'error', message: describeWriteError(error) });
    }
  };

  return (
    <article class="res-page">
      <a class="res-back" href={resourcesListHash()}>
        {t('libBackToList')}
      </a>
      <ResourceHead resource={resource} thumbnails={thumbnails} heading={heading} />

      {editor.deletedElsewhere && (
        <p class="notice notice-warn" role="status">
          {t('libDeletedElsewhere')}
        </p>
      )}

      <div class="res-page-grid">
        <div class="stack">
          {resource.kind === 'activity' && (
            <ActivityDetails resource={resource} onChange={(activity) => void persist({ activity })} />
          )}
          <NotesCard resource={resource} editor={editor} />
          <ResourceTakeaways resource={resource} onStored={setResource} onMarkLearned={markLearned} />
          {learnedUndo && resource.status === 'learned' && (
            <p class="notice res-undo-inline" role="status">
              <span>{t('libMarkedLearned')}</span>
              <button
                type="button"
                class="btn btn-small"
                onClick={() => {
                  setLearnedUndo(false);
                  void persist({ status: 'queued' });
                }}
              >
                {t('libUndo')}
              </button>
            </p>
          )}
          <ResourceQuotes resource={resource} onStored={setResource} onTakeaway={quoteToTakeaway} />
          {resource.kind === 'video' && (
            <div ref={editor.fields.stamps}>
              <ResourceClips
                resource={resource}
                clips={editor.stamps}
                onChange={(next) => {
                  editor.setStamps(next);
                  void persist({ clips: next });
                }}
                onTakeaway={clipToTakeaway}
              />
            </div>
          )}
        </div>

        <aside class="stack res-page-side">
          <ResourceConnections resource={resource} />
          <StatusField resource={resource} persist={persist} />

          <SharingField resource={resource} persist={persist} />

          <TagsCard resource={resource} editor={editor} />

          <section class="card panel">
            <button type="button" class="btn btn-danger" onClick={() => void onDelete()}>
              {t('libDelete')}
            </button>
            <p class="small muted">{t('libDeleteHint')}</p>
          </section>
        </aside>
      </div>
    </article>
  );
}

type Editor = ReturnType<typeof useResourceEditor>;
type Persist = (change: ResourcePatch) => Promise<void>;

/** What the page's open button says: the video (at its moment), the article, the page. */
function openLabelOf(resource: Resource): string {
  const clip = resource.kind === 'video' && resource.positionSec ? formatClock(resource.positionSec) : undefined;
  return resource.kind === 'video'
    ? clip
      ? t('libOpenVideoAt', clip)
      : t('libOpenVideo')
    : resource.kind === 'article'
      ? t('libOpenArticle')
      : t('libOpenPage');
}

/** The title, what the resource is, its description, and where to open it or act on it. */
function ResourceHead({
  resource,
  thumbnails,
  heading,
}: {
  resource: Resource;
  thumbnails: boolean;
  heading: RefObject<HTMLHeadingElement>;
}) {
  const href = openUrl(resource);
  const lead = resourceMetaLine(resource);
  const byline = bylineBesideMeta(resource);
  const showThumb = thumbnails && Boolean(resource.thumbnailUrl);
  const openLabel = openLabelOf(resource);
  return (
    <header class={showThumb ? 'res-page-head' : 'res-page-head no-thumb'}>
      {showThumb && <Thumbnail resource={resource} show={thumbnails} size={240} />}
      <div class="res-page-title">
        <h1 ref={heading} tabIndex={-1} dir="auto">
          {resource.title || t('untitled')}
        </h1>
        <p class="res-meta small muted">
          <span class="chip">{kindChip(resource)}</span>
          <span dir="auto">
            {lead}
            {byline && (
              <>
                {lead ? ' · ' : ''}
                <bdi class="res-author">{byline}</bdi>
              </>
            )}
            {lead || byline ? ' · ' : ''}
            {datesLine(resource)}
          </span>
        </p>
        {resource.description && <p class="res-description clamp-3 muted">{resource.description}</p>}
        <div class="row res-page-actions">
          {href && (
            <a class="btn btn-primary" href={href} target="_blank" rel="noopener noreferrer">
              {openLabel}
            </a>
          )}
          <a class="btn" href={`#actions?from=resource:${encodeURIComponent(resource.id)}`}>
            {t('libMakeAction')}
          </a>
        </div>
      </div>
    </header>
  );
}

/** What the notes' save says: saving, saved, merged with another writer's edit, or why not. */
function saveStateText(save: SaveState): string {
  return save.phase === 'error'
    ? save.message
    : save.phase === 'saving'
      ? t('libSaving')
      : save.phase === 'saved'
        ? t('libSaved')
        : save.phase === 'merged'
          ? t('libSavedMerged')
          : t('libSavedAsYouType');
}

/** The notes, saved as typed, how the save went, and the conflict versions kept beside them. */
function NotesCard({ resource, editor }: { resource: Resource; editor: Editor }) {
  const { notes, setNotes, save, fields, persist, resolve } = editor;
  return (
    <section class="card panel">
      <label class="field">
        <span>{t('libNotes')}</span>
        <textarea
          ref={fields.notes}
          class="input res-notes"
          rows={6}
          value={notes}
          maxLength={LIMITS.notes}
          onInput={(e) => {
            setNotes(e.currentTarget.value);
            void persist({ notes: e.currentTarget.value });
          }}
        />
      </label>
      <p
        class={save.phase === 'error' ? 'notice notice-error' : 'small muted res-save-state'}
        role={save.phase === 'error' ? 'alert' : undefined}
      >
        {saveStateText(save)}
      </p>
      {(resource.conflicts ?? []).map((conflict) => (
        <ConflictNotice
          key={`${conflict.field}:${conflict.at}:${conflict.text.length}`}
          conflict={conflict}
          onChoose={resolve}
        />
      ))}
    </section>
  );
}

/** To learn, learning, learned (and since when). */
function StatusField({ resource, persist }: { resource: Resource; persist: Persist }) {
  return (
    <fieldset class="card panel res-status">
      <legend>{t('libStatus')}</legend>
      <div class="res-segments">
        {STATUSES.map((status) => (
          <label key={status} class="res-segment">
            <input
              type="radio"
              name="res-status"
              value={status}
              checked={resource.status === status}
              onChange={() => void persist({ status: status as ResourceStatus })}
            />
            <span>{statusLabel(status)}</span>
          </label>
        ))}
      </div>
      {resource.status === 'learned' && resource.learnedAt && (
        <p class="small muted">{t('libLearnedOn', formatDate(resource.learnedAt))}</p>
      )}
    </fieldset>
  );
}

/** Whether (and how) the resource was shared with the team. */
function SharingField({ resource, persist }: { resource: Resource; persist: Persist }) {
  return (
    <fieldset class="card panel">
      <legend>{t('libSharing')}</legend>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={resource.sharedAt !== undefined}
          onChange={(e) => void persist({ shared: e.currentTarget.checked ? {} : false })}
        />
        {t('sharedWithTeam')}
      </label>
      <div class="field">
        <label class="label" for="res-shared-how">
          {t('libSharedHow')}
        </label>
        <select
          id="res-shared-how"
          class="input"
          value={resource.sharedAt !== undefined ? (resource.sharedHow ?? '') : ''}
          onChange={(e) => {
            const how = e.currentTarget.value as SharedHow | '';
            if (how) void persist({ shared: { how } });
          }}
        >
          {(resource.sharedAt === undefined || !resource.sharedHow) && (
            <option value="">{t('libSharedHowNone')}</option>
          )}
          {SHARED_HOW_OPTIONS.map(({ how, label }) => (
            <option key={how} value={how}>
              {t(label)}
            </option>
          ))}
        </select>
      </div>
      {resource.sharedAt !== undefined && <p class="small muted">{t('libSharedOn', formatDate(resource.sharedAt))}</p>}
    </fieldset>
  );
}

/** The tags, saved as typed, each a link to the list of its resources. */
function TagsCard({ resource, editor }: { resource: Resource; editor: Editor }) {
  const { tags, setTags, fields, persist, leaveTags } = editor;
  return (
    <section class="card panel">
      <label class="field">
        <span>{t('libTags')}</span>
        <input
          ref={fields.tags}
          class="input"
          type="text"
          value={tags}
          placeholder={t('popupTagsPlaceholder')}
          onInput={(e) => {
            setTags(e.currentTarget.value);
            void persist({ tags: parseTagInput(e.currentTarget.value) });
          }}
          onBlur={leaveTags}
        />
      </label>
      {resource.tags.length > 0 && (
        <p class="res-tags">
          {resource.tags.map((tag) => (
            <a key={tag} class="res-tag" href={`#resources?tag=${encodeURIComponent(tag)}`}>
              #{tag}
            </a>
          ))}
        </p>
      )}
    </section>
  );
}
