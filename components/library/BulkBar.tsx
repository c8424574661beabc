import { useState } from 'preact/hooks';
import { describeWriteError } from '@/lib/i18n/write-errors';
import { deleteResources, editResources } from '@/lib/app/resources';
import { formatNumber, t, tn } from '@/lib/i18n';
import { parseTagInput } from '@/lib/infra/limits';

interface Props {
  ids: readonly string[];
  onClear: () => void;
  onError: (message: string) => void;
  onDone: (message: string) => void;
}

/** Bulk edits: each is one transaction, all or nothing. */
export function BulkBar({ ids, onClear, onError, onDone }: Props) {
  const [tag, setTag] = useState('');
  const [busy, setBusy] = useState(false);
  const count = ids.length;

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      onDone(await work());
    } catch (error) {
      onError(describeWriteError(error));
    } finally {
      setBusy(false);
    }
  };

  const markLearned = () =>
    run(async () => tn('libBulkMarkedLearned', (await editResources(ids, { status: 'learned' })).length));
  const markShared = () =>
    run(async () => tn('libBulkMarkedShared', (await editResources(ids, { shared: {} })).length));
  const addTag = (event: Event) => {
    event.preventDefault();
    const tags = parseTagInput(tag);
    if (!tags.length) return;
    void run(async () => {
      const updated = await editResources(ids, (r) => ({ tags: [...r.tags, ...tags] }));
      setTag('');
      return tn('libBulkTagged', updated.length, formatNumber(updated.length), tags.join(', '));
    });
  };
  const remove = () =>
    run(async () => {
      await deleteResources(ids);
      onClear();
      return '';
    });

  return (
    <div class="res-bulk card" role="group" aria-label={t('libBulkLabel')}>
      <strong class="res-bulk-count">{tn('libSelectedCount', count)}</strong>
      <button type="button" class="btn btn-small" disabled={busy} onClick={() => void markLearned()}>
        {t('libBulkMarkLearned')}
      </button>
      <button type="button" class="btn btn-small" disabled={busy} onClick={() => void markShared()}>
        {t('libBulkMarkShared')}
      </button>
      <form class="res-bulk-tag" onSubmit={addTag}>
        <input
          class="input"
          type="text"
          value={tag}
          aria-label={t('libBulkTagInput')}
          placeholder={t('libBulkTagPlaceholder')}
          onInput={(e) => setTag(e.currentTarget.value)}
        />
        <button type="submit" class="btn btn-small" disabled={busy || !parseTagInput(tag).length}>
          {t('libBulkAddTag')}
        </button>
      </form>
      <button type="button" class="btn btn-small btn-danger" disabled={busy} onClick={() => void remove()}>
        {t('libBulkDelete')}
      </button>
      <span class="spacer" />
      <button type="button" class="btn btn-small btn-ghost" onClick={onClear}>
        {t('libBulkClear')}
      </button>
    </div>
  );
}
