import { useEffect, useRef, useState } from 'preact/hooks';
import { useUndoOffer } from '@/components/hooks/undo';
import { newActionHref } from '@/lib/actions/source';
import { getResource } from '@/lib/app/resources';
import { addTakeaways, editTakeaway, removeTakeaway } from '@/lib/app/takeaways';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Resource } from '@/lib/model/resource';
import type { Takeaway } from '@/lib/model/takeaway';
import { t } from '@/lib/i18n';
import { capLine, LIMITS } from '@/lib/infra/limits';

interface Props {
  resource: Resource;
  /** The record as stored after this page's own write (the page does not hear its own echo). */
  onStored: (resource: Resource) => void;
  /** "Mark learned", offered once there is a takeaway and the resource is still To learn. */
  onMarkLearned: () => void;
}

/** One takeaway, edited in place as typed; a change from elsewhere never eats typing. */
function TakeawayItem({
  resourceId,
  item,
  index,
  onStored,
  onError,
  onRemove,
  onDone,
}: {
  resourceId: string;
  item: Takeaway;
  index: number;
  onStored: (resource: Resource) => void;
  onError: (message: string) => void;
  onRemove: () => void;
  onDone: () => void;
}) {
  const [value, setValue] = useState(item.text);
  const input = useRef<HTMLTextAreaElement>(null);
  // What this page last wrote or showed of the item: the version the next edit starts from.
  const base = useRef(item.text);
  useEffect(() => {
    if (document.activeElement !== input.current) {
      setValue(item.text);
      base.current = item.text;
    }
  }, [item.text]);
  return (
    <li class="res-takeaway" data-takeaway-id={item.id}>
      <textarea
        ref={input}
        class="input res-takeaway-text"
        rows={1}
        value={value}
        maxLength={LIMITS.takeaway}
        aria-label={t('libTakeawayNumber', index + 1)}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setValue(text);
          const from = base.current;
          if (!text.trim()) return;
          base.current = text;
          void editTakeaway(resourceId, item.id, text, from).then(
            (updated) => {
              if (!updated) return;
              onStored(updated);
              // Merged with another writer's edit: show what is stored now.
              const stored = updated.takeaways.find((t) => t.id === item.id)?.text;
              if (stored !== undefined && stored !== text && document.activeElement !== input.current) setValue(stored);
            },
            (error: unknown) => onError(describeWriteError(error)),
          );
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            onDone();
          }
        }}
        onBlur={(event) => {
          // Emptied: the takeaway goes (with Undo), rather than staying as an empty line.
          if (!event.currentTarget.value.trim()) onRemove();
        }}
      />
      <span class="res-takeaway-actions small">
        <a
          class="btn btn-small btn-ghost"
          href={newActionHref('resource', resourceId, { kind: 'takeaway', id: item.id })}
          aria-label={t('libTakeawayToActionOf', capLine(item.text, 60))}
        >
          {t('libTakeawayToAction')}
        </a>
        <button
          type="button"
          class="btn btn-small btn-ghost res-takeaway-delete"
          aria-label={t('libTakeawayDeleteOf', capLine(item.text, 60))}
          title={t('libTakeawayDelete')}
          onClick={onRemove}
        >
          ×
        </button>
      </span>
    </li>
  );
}

/**
 * A resource's takeaways as items: each edited in place, turned into an action in one click, or
 * removed with Undo; the box below adds one per line (Enter adds, Shift+Enter breaks the line).
 */
export function ResourceTakeaways({ resource, onStored, onMarkLearned }: Props) {
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const { offer, remove, takeBack } = useUndoOffer(setError);
  const addBox = useRef<HTMLTextAreaElement>(null);
  const refresh = () =>
    void getResource(resource.id).then(
      (stored) => stored && onStored(stored),
      () => undefined,
    );

  const add = async () => {
    if (!draft.trim() || busy) return;
    setBusy(true);
    setError('');
    try {
      const updated = await addTakeaways(resource.id, draft);
      setDraft('');
      if (updated) onStored(updated);
    } catch (e) {
      // What was typed stays in the box.
      setError(describeWriteError(e));
    } finally {
      setBusy(false);
      addBox.current?.focus();
    }
  };

  const takeaways = resource.takeaways;
  return (
    <section class="res-takeaways card panel" aria-labelledby="res-takeaways-title">
      <h2 id="res-takeaways-title">
        {t('libTakeaways')}
        {takeaways.length > 0 && <span class="muted res-quotes-count"> {takeaways.length}</span>}
      </h2>
      {takeaways.length > 0 && (
        <ol class="res-takeaway-list">
          {takeaways.map((item, index) => (
            <TakeawayItem
              key={item.id}
              resourceId={resource.id}
              item={item}
              index={index}
              onStored={onStored}
              onError={setError}
              onDone={() => addBox.current?.focus()}
              onRemove={() =>
                void remove(async () => {
                  const undo = await removeTakeaway(resource.id, item.id);
                  refresh();
                  return undo;
                })
              }
            />
          ))}
        </ol>
      )}
      <label class="field res-takeaway-add">
        <span class="visually-hidden">{t('libTakeawayAdd')}</span>
        <textarea
          ref={addBox}
          class="input"
          rows={2}
          value={draft}
          maxLength={LIMITS.takeaways}
          placeholder={takeaways.length ? t('libTakeawayAddPlaceholder') : t('libTakeawaysPlaceholder')}
          onInput={(event) => setDraft(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
              event.preventDefault();
              void add();
            }
          }}
        />
      </label>
      <p class="row res-takeaway-foot">
        <button type="button" class="btn btn-small" disabled={!draft.trim() || busy} onClick={() => void add()}>
          {t('libTakeawayAdd')}
        </button>
        <span class="small muted">{t('libTakeawayHint')}</span>
      </p>
      {resource.status === 'queued' && takeaways.length > 0 && (
        <p class="notice res-mark-learned" role="status">
          <span>{t('libMarkLearnedOffer')}</span>
          <button type="button" class="btn btn-small btn-primary" onClick={onMarkLearned}>
            {t('libMarkLearned')}
          </button>
        </p>
      )}
      {offer && (
        <div class="res-undo-inline notice notice-warn" role="status">
          <span>{t('libTakeawayDeleted', capLine(offer.label ?? '', 80))}</span>
          <button type="button" class="btn btn-small" onClick={() => void takeBack().then(refresh)}>
            {t('libUndo')}
          </button>
        </div>
      )}
      {error && (
        <p class="notice notice-error small" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
