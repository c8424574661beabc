import { useLiveQuery } from '@/components/hooks/live';
import { useUndoOffer } from '@/components/hooks/undo';
import { useState } from 'preact/hooks';
import type { Route } from '@/lib/routes';
import { t } from '@/lib/i18n';
import { deleteAction, listActions } from '@/lib/app/actions';
import { describeWriteError } from '@/lib/db/errors';
import type { Action } from '@/lib/db/types';
import { actionState } from '@/lib/actions/follow-up';
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

async function loadActions(): Promise<Loaded> {
  const actions = await listActions();
  const existing = await existingSources(actions.map((a) => a.source));
  return { actions, existing, now: Date.now() };
}

/** Actions: write one, answer the due follow-ups, see what is open and what came of the rest. */
export function ActionsSection({ route }: { route: Route }) {
  // Sources may be deleted or come back: resources and reflections reload the labels too.
  const live = useLiveQuery(loadActions, ['actions', 'resources', 'reflections']);
  const data = live.data ?? null;
  const [writeError, setError] = useState('');
  const error = writeError || (live.error ? describeWriteError(live.error) : '');
  const { offer: deleted, remove: removeWithUndo, takeBack: undo } = useUndoOffer(setError);
  const remove = (action: Action) => removeWithUndo(() => deleteAction(action.id));

  const now = data?.now ?? Date.now();
  const groups = { due: [] as Action[], open: [] as Action[], closed: [] as Action[] };
  for (const action of data?.actions ?? []) {
    const state = actionState(action, now);
    if (state === 'due') groups.due.push(action);
    else if (state === 'open') groups.open.push(action);
    else groups.closed.push(action);
  }
  const byFollowUp = (a: Action, b: Action) =>
    (a.followUpAt ?? Infinity) - (b.followUpAt ?? Infinity) || b.createdAt - a.createdAt;
  groups.due.sort(byFollowUp);
  groups.open.sort(byFollowUp);
  groups.closed.sort((a, b) => (b.doneAt ?? b.updatedAt) - (a.doneAt ?? a.updatedAt));

  const list = (items: Action[], empty: string) =>
    items.length === 0 ? (
      <p class="empty">{empty}</p>
    ) : (
      <ul class="action-list">
        {items.map((action) => (
          <ActionItem
            key={action.id}
            action={action}
            now={now}
            existing={data?.existing}
            onDelete={(a) => void remove(a)}
          />
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
        key={route.query.draft ?? ''}
        {...(route.query.from ? { from: route.query.from } : {})}
        {...(route.query.draft ? { draft: route.query.draft } : {})}
        onSaved={() => {
          if (route.query.from || route.query.draft) history.replaceState(null, '', '#actions');
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
