import { useEffect, useState } from 'preact/hooks';
import type { Route } from '@/lib/library/route';
import { t } from '@/lib/i18n';
import { deleteAction, listActions, restoreAction } from '@/lib/db/actions';
import { onDbChange } from '@/lib/db/changes';
import { describeWriteError } from '@/lib/db/errors';
import type { Action } from '@/lib/db/types';
import { actionState } from '@/lib/actions/follow-up';
import { followUpsChanged } from '@/lib/actions/notify-background';
import { existingSources } from '@/lib/actions/source';
import { ActionForm } from '@/components/actions/ActionForm';
import { ActionItem } from '@/components/actions/ActionItem';
import '@/components/actions/actions.css';
import { ErrorNotice, UndoNotice } from '@/components/Notices';

interface Loaded {
  actions: Action[];
  existing: Set<string>;
  now: number;
}

/** Actions: write one, answer the due follow-ups, see what is open and what came of the rest. */
export function ActionsSection({ route }: { route: Route }) {
  const [data, setData] = useState<Loaded | null>(null);
  const [error, setError] = useState('');
  const [deleted, setDeleted] = useState<Action | null>(null);

  useEffect(() => {
    let alive = true;
    const load = async () => {
      try {
        const actions = await listActions();
        const existing = await existingSources(actions.map((a) => a.source));
        if (alive) setData({ actions, existing, now: Date.now() });
      } catch (e) {
        if (alive) setError(describeWriteError(e));
      }
    };
    void load();
    const stop = onDbChange((change) => {
      if (change.store === 'actions' || change.store === 'resources' || change.store === 'reflections') void load();
    });
    return () => {
      alive = false;
      stop();
    };
  }, []);

  const remove = async (action: Action) => {
    setError('');
    try {
      await deleteAction(action.id);
      followUpsChanged();
      setDeleted(action);
    } catch (e) {
      setError(describeWriteError(e));
    }
  };

  const undo = async () => {
    if (!deleted) return;
    try {
      await restoreAction(deleted);
      followUpsChanged();
      setDeleted(null);
    } catch (e) {
      setError(describeWriteError(e));
    }
  };

  const now = data?.now ?? Date.now();
  const groups = { due: [] as Action[], open: [] as Action[], closed: [] as Action[] };
  for (const action of data?.actions ?? []) {
    const state = actionState(action, now);
    if (state === 'due') groups.due.push(action);
    else if (state === 'open') groups.open.push(action);
    else groups.closed.push(action);
  }
  const byFollowUp = (a: Action, b: Action) => (a.followUpAt ?? Infinity) - (b.followUpAt ?? Infinity) || b.createdAt - a.createdAt;
  groups.due.sort(byFollowUp);
  groups.open.sort(byFollowUp);
  groups.closed.sort((a, b) => (b.doneAt ?? b.updatedAt) - (a.doneAt ?? a.updatedAt));

  const list = (items: Action[], empty: string) =>
    items.length === 0 ? (
      <p class="empty">{empty}</p>
    ) : (
      <ul class="action-list">
        {items.map((action) => (
          <ActionItem key={action.id} action={action} now={now} existing={data?.existing} onDelete={(a) => void remove(a)} />
        ))}
      </ul>
    );

  return (
    <div class="actions-section">
      <div class="section-head">
        <h1>{t('navActions')}</h1>
      </div>
      <p class="section-intro muted">{t('actionsIntro')}</p>
      <ActionForm
        {...(route.query.from ? { from: route.query.from } : {})}
        onSaved={() => {
          if (route.query.from) history.replaceState(null, '', '#actions');
        }}
      />
      <ErrorNotice message={error} />
      {deleted && <UndoNotice text={t('actionDeleted')} undoLabel={t('actionUndo')} onUndo={() => void undo()} />}
      {data === null ? (
        <div class="skeleton" aria-busy="true" />
      ) : (
        <>
          <section class="action-group" aria-labelledby="actions-due-heading">
            <h2 id="actions-due-heading">
              {t('actionsDueHeading')} <span class="chip">{groups.due.length}</span>
            </h2>
            {list(groups.due, t('actionsDueEmpty'))}
          </section>
          <section class="action-group" aria-labelledby="actions-open-heading">
            <h2 id="actions-open-heading">
              {t('actionsOpenHeading')} <span class="chip">{groups.open.length}</span>
            </h2>
            {list(groups.open, t('actionsOpenEmpty'))}
          </section>
          <section class="action-group" aria-labelledby="actions-done-heading">
            <h2 id="actions-done-heading">
              {t('actionsDoneHeading')} <span class="chip">{groups.closed.length}</span>
            </h2>
            {list(groups.closed, t('actionsDoneEmpty'))}
          </section>
        </>
      )}
    </div>
  );
}
