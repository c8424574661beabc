import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery } from '@/components/hooks/live';
import { PAGE_ID } from '@/lib/app/live';
import {
  applyPatch,
  deleteResources,
  editResource,
  getResource,
  startEdit,
  type ResourceBase,
  type ResourcePatch,
} from '@/lib/app/resources';
import type { FieldConflict } from '@/lib/model/conflict';
import { describeWriteError, isStorageError } from '@/lib/i18n/write-errors';
import type { Clip } from '@/lib/model/clip';
import type { Quote } from '@/lib/model/quote';
import type { Resource, ResourceStatus, SharedHow } from '@/lib/model/resource';
import { formatClock, formatDate, t } from '@/lib/i18n';
import { LIMITS, normaliseTags, parseTagInput } from '@/lib/infra/limits';
import { STATUSES } from '@/lib/library/filter';
import { kindChip, resourceMetaLine, SHARED_HOW_OPTIONS, statusLabel } from '@/lib/format/resource-format';
import { openUrl } from '@/lib/format/resource-links';
import { ConflictNotice } from '../ConflictNotice';
import { Thumbnail } from '../Thumbnail';
import { useShowThumbnails } from '@/components/hooks/live';
import { resourcesListHash } from './ResourcesSection';
import { ResourceClips } from './ResourceClips';
import { ResourceQuotes } from './ResourceQuotes';
import { ResourceTakeaways } from './ResourceTakeaways';
import { ResourceConnections } from './ResourceConnections';
import { addTakeaways } from '@/lib/app/takeaways';
import { ActivityDetails } from './ActivityDetails';
import '@/components/activities/activities.css';
import './resources.css';

type SaveState = { phase: 'idle' | 'saving' | 'saved' | 'merged' } | { phase: 'error'; message: string };

/** How soon a write the disk refused is tried again: soon at first, then every half minute. */
const RETRY_DELAYS_MS = [2_000, 5_000, 10_000, 30_000];
/** What a user typed (kept through a full disk); a status or sharing click just goes back. */
const TYPED_FIELDS: ReadonlySet<keyof ResourcePatch> = new Set(['notes', 'tags', 'clips', 'conflicts']);

/** "YouTube channel · 42 min · Published 5 Mar 2024 · Saved 12 Mar 2025" */
function metaLine(resource: Resource): string {
  const parts = [resourceMetaLine(resource)];
  if (resource.publishedAt && !Number.isNaN(Date.parse(resource.publishedAt)))
    parts.push(t('libPublished', formatDate(resource.publishedAt)));
  parts.push(t(resource.kind === 'activity' ? 'libLoggedOn' : 'libSavedOn', formatDate(resource.createdAt)));
  return parts.filter(Boolean).join(' · ');
}

/** Keeps a field's text unless the user is in it: a change from elsewhere never eats typing. */
function isFocused(element: Element | null): boolean {
  return element !== null && (document.activeElement === element || element.contains(document.activeElement));
}

/** One resource: notes and takeaways saved as you type, tags, status, shared, moments in a video. */
export function ResourcePage({ id }: { id: string }) {
  const [resource, setResource] = useState<Resource | null | undefined>(undefined);
  const [notes, setNotes] = useState('');
  const [learnedUndo, setLearnedUndo] = useState(false);
  const [tags, setTags] = useState('');
  const [stamps, setStamps] = useState<Clip[]>([]);
  const [save, setSave] = useState<SaveState>({ phase: 'idle' });
  const [deletedElsewhere, setDeletedElsewhere] = useState(false);
  const thumbnails = useShowThumbnails();
  const notesField = useRef<HTMLTextAreaElement>(null);
  const tagsField = useRef<HTMLInputElement>(null);
  const stampsBox = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const writes = useRef(0);
  const base = useRef<ResourceBase>({});
  // What is known to be stored of each field (base runs ahead of it while writes are in flight).
  const storedBase = useRef<ResourceBase>({});
  // Typed text a full disk refused: kept, and written again until it is saved.
  const unsaved = useRef<ResourcePatch>({});
  const retry = useRef<{ timer?: ReturnType<typeof setTimeout>; attempts: number }>({ attempts: 0 });
  // The latest write of each field: an older write failing late must not bring back older text.
  const fieldWrites = useRef<Partial<Record<keyof ResourcePatch, number>>>({});

  // Another page's write of this record (this page's own echo is already shown).
  const stored = useLiveQuery(() => getResource(id).then((record) => record ?? null), ['resources'], [id], {
    accept: (change) => change.origin !== PAGE_ID && (!change.ids.length || change.ids.includes(id)),
  });
  const filled = useRef<string | null>(null);
  useEffect(() => {
    if (stored.error) setSave({ phase: 'error', message: describeWriteError(stored.error) });
    const record = stored.data;
    if (record === undefined) {
      if (filled.current !== id) setResource(undefined);
      return;
    }
    if (record === null) {
      // Gone: never there (a stale link), or deleted in another page while this one shows it.
      if (filled.current === id) setDeletedElsewhere(true);
      else setResource(null);
      return;
    }
    const initial = filled.current !== id;
    filled.current = id;
    setDeletedElsewhere(false);
    setResource(record);
    // A change from elsewhere never eats typing: a focused field keeps what is being typed, and
    // its next write merges against the version it started from (base).
    if (initial || !isFocused(notesField.current)) {
      setNotes(record.notes);
      base.current.notes = storedBase.current.notes = record.notes;
    }
    if (initial || !isFocused(tagsField.current)) {
      setTags(record.tags.join(', '));
      base.current.tags = storedBase.current.tags = record.tags;
    }
    if (initial || !isFocused(stampsBox.current)) {
      setStamps(record.clips);
      base.current.clips = storedBase.current.clips = record.clips;
    }
  }, [stored.data, stored.error, id]);

  useEffect(() => {
    if (resource) {
      document.title = `${resource.title} · ${t('extName')}`;
      // Arriving from the list (the clicked row is gone): start reading at the title.
      const active = document.activeElement;
      if (!active || active === document.body || active.id === 'main') heading.current?.focus({ preventScroll: true });
    }
  }, [resource?.id]);

  useEffect(
    () => () => {
      clearTimeout(retry.current.timer);
    },
    [],
  );
  // Closing the tab while the disk refuses the text would lose it: the browser asks first.
  const waitingForSpace = save.phase === 'error' && Object.keys(unsaved.current).length > 0;
  useEffect(() => {
    if (!waitingForSpace) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    addEventListener('beforeunload', ask);
    return () => removeEventListener('beforeunload', ask);
  }, [waitingForSpace]);

  const persist = async (change: ResourcePatch, isRetry = false) => {
    clearTimeout(retry.current.timer);
    // A keystroke starts over: the wait grows only between retries with nothing typed.
    const attempt = isRetry ? retry.current.attempts + 1 : 0;
    retry.current.attempts = attempt;
    // Whatever a full disk refused before goes along with this write.
    const patch = { ...unsaved.current, ...change };
    if (!Object.keys(patch).length) return;
    const ticket = ++writes.current;
    for (const field of Object.keys(patch) as (keyof ResourcePatch)[]) fieldWrites.current[field] = ticket;
    const ownFields = () =>
      (Object.keys(patch) as (keyof ResourcePatch)[]).filter((field) => fieldWrites.current[field] === ticket);
    // What this edit started from: this page's last write of the field, or what it last showed
    // from elsewhere.
    const startedFrom = startEdit(base.current, patch);
    // Show the change at once (a controlled radio or checkbox must not flick back while the write runs).
    setResource((current) => (current ? applyPatch(current, patch, Date.now()) : current));
    setSave({ phase: 'saving' });
    try {
      const updated = await editResource(id, patch, Date.now(), startedFrom);
      for (const field of ownFields()) {
        delete unsaved.current[field];
        if (updated && field in storedBase.current)
          Object.assign(storedBase.current, { [field]: updated[field as keyof ResourceBase] });
      }
      if (!updated) setDeletedElsewhere(true);
      // Only the latest write speaks: an earlier one finishing late must not undo a later change.
      else if (ticket === writes.current) {
        setResource(updated);
        // Merged with another writer's edit: the field shows what is stored now.
        const merged = showMerged(patch, updated);
        setSave({ phase: merged ? 'merged' : 'saved' });
      }
    } catch (error) {
      // Not written: the next write of these fields starts from what is stored, not from this.
      for (const field of ownFields())
        if (field in base.current)
          Object.assign(base.current, { [field]: storedBase.current[field as keyof ResourceBase] });
      if (isStorageError(error)) {
        // A full disk: the typed text (notes, takeaways, tags, moments) is kept and written again
        // every few seconds, and at the next keystroke, until it is saved.
        for (const field of ownFields())
          if (TYPED_FIELDS.has(field)) Object.assign(unsaved.current, { [field]: patch[field] });
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
        clearTimeout(retry.current.timer);
        retry.current.timer = setTimeout(() => void persist({}, true), delay);
        setSave({ phase: 'error', message: describeWriteError(error, { savesLater: true }) });
      } else {
        // What the user typed stays in the field; the next keystroke tries again.
        setSave({ phase: 'error', message: describeWriteError(error) });
      }
      // Checkboxes and radios go back to what is stored.
      void getResource(id).then(
        (stored) => stored && setResource(stored),
        () => undefined,
      );
    }
  };

  /** After a write that merged in another writer's text, the field shows the merged text. */
  const showMerged = (patch: ResourcePatch, stored: Resource): boolean => {
    let merged = false;
    if (patch.notes !== undefined && stored.notes !== patch.notes) {
      setNotes(stored.notes);
      base.current.notes = storedBase.current.notes = stored.notes;
      merged = true;
    }
    if (patch.tags !== undefined && stored.tags.join(',') !== normaliseTags(patch.tags).join(',')) {
      if (!isFocused(tagsField.current)) setTags(stored.tags.join(', '));
      base.current.tags = storedBase.current.tags = stored.tags;
      merged = true;
    }
    return merged;
  };

  /** Choose between the field and a conflict version kept beside it. */
  const resolve = (conflict: FieldConflict, useIt: boolean) => {
    const rest = (resource?.conflicts ?? []).filter((c) => c !== conflict);
    if (!useIt) return void persist({ conflicts: rest });
    if (conflict.field === 'notes') setNotes(conflict.text);
    // The chosen text replaces the field outright: no merge against what it replaces.
    base.current = { ...base.current, [conflict.field]: undefined };
    storedBase.current = { ...storedBase.current, [conflict.field]: undefined };
    void persist({ [conflict.field]: conflict.text, conflicts: rest });
  };

  /** A quote becomes a takeaway of its own (with its review card). */
  const quoteToTakeaway = (quote: Quote) => {
    const line = `“${quote.exact}”${quote.note.trim() ? ` — ${quote.note.trim()}` : ''}`;
    void addTakeaways(id, line.replace(/\s+/g, ' ')).then(
      (updated) => updated && setResource(updated),
      (error: unknown) => setSave({ phase: 'error', message: describeWriteError(error) }),
    );
  };

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

  const href = openUrl(resource);
  const showThumb = thumbnails && Boolean(resource.thumbnailUrl);
  const clip = resource.kind === 'video' && resource.positionSec ? formatClock(resource.positionSec) : undefined;
  const openLabel =
    resource.kind === 'video'
      ? clip
        ? t('libOpenVideoAt', clip)
        : t('libOpenVideo')
      : resource.kind === 'article'
        ? t('libOpenArticle')
        : t('libOpenPage');

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
      <header class={showThumb ? 'res-page-head' : 'res-page-head no-thumb'}>
        {showThumb && <Thumbnail resource={resource} show={thumbnails} size={240} />}
        <div class="res-page-title">
          <h1 ref={heading} tabIndex={-1}>
            {resource.title || t('untitled')}
          </h1>
          <p class="res-meta small muted">
            <span class="chip">{kindChip(resource)}</span>
            <span>{metaLine(resource)}</span>
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

      {deletedElsewhere && (
        <p class="notice notice-warn" role="status">
          {t('libDeletedElsewhere')}
        </p>
      )}

      <div class="res-page-grid">
        <div class="stack">
          {resource.kind === 'activity' && (
            <ActivityDetails resource={resource} onChange={(activity) => void persist({ activity })} />
          )}
          <section class="card panel">
            <label class="field">
              <span>{t('libNotes')}</span>
              <textarea
                ref={notesField}
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
              {save.phase === 'error'
                ? save.message
                : save.phase === 'saving'
                  ? t('libSaving')
                  : save.phase === 'saved'
                    ? t('libSaved')
                    : save.phase === 'merged'
                      ? t('libSavedMerged')
                      : t('libSavedAsYouType')}
            </p>
            {(resource.conflicts ?? []).map((conflict) => (
              <ConflictNotice
                key={`${conflict.field}:${conflict.at}:${conflict.text.length}`}
                conflict={conflict}
                onChoose={resolve}
              />
            ))}
          </section>
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
          {((resource.kind !== 'video' && resource.kind !== 'activity') || (resource.quotes?.length ?? 0) > 0) && (
            <ResourceQuotes resource={resource} onStored={setResource} onTakeaway={quoteToTakeaway} />
          )}
          {resource.kind === 'video' && (
            <div ref={stampsBox}>
              <ResourceClips
                resource={resource}
                clips={stamps}
                onChange={(next) => {
                  setStamps(next);
                  void persist({ clips: next });
                }}
              />
            </div>
          )}
        </div>

        <aside class="stack res-page-side">
          <ResourceConnections resource={resource} />
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
            {resource.sharedAt !== undefined && (
              <p class="small muted">{t('libSharedOn', formatDate(resource.sharedAt))}</p>
            )}
          </fieldset>

          <section class="card panel">
            <label class="field">
              <span>{t('libTags')}</span>
              <input
                ref={tagsField}
                class="input"
                type="text"
                value={tags}
                placeholder={t('popupTagsPlaceholder')}
                onInput={(e) => {
                  setTags(e.currentTarget.value);
                  void persist({ tags: parseTagInput(e.currentTarget.value) });
                }}
                onBlur={(e) => setTags(parseTagInput(e.currentTarget.value).join(', '))}
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
