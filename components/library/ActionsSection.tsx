import { useLiveQuery } from '@/components/hooks/live';
import { useUndoOffer } from '@/components/hooks/undo';
import { useState } from 'preact/hooks';
import type { Route } from '@/lib/routes';
import { t } from '@/lib/i18n';
import { deleteAction, listActions } from '@/lib/app/actions';
import { describeWriteError } from '@/lib/i18n/write-errors';
import type { Action } from '@/lib/model/action';
import { actionState } from '@/lib/actions/follow-up';
import { existingSources } from '@/lib/app/action-sources';
import { ActionForm } from '@/components/actions/ActionForm';
import { ActionItem } from '@/components/actions/ActionItem';
import '@/components/actions/actions.css';
import { ErrorNotice, UndoNotice } from '@/components/Notices';
import { ShowMore } from '@/components/list/ShowMore';
import { useListFocus, useShownCount } from '@/components/list/shown';

/** Actions drawn in each group at first, and with each "Show more". */
export const ACTIONS_PAGE = 20;

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

  const shown = {
    due: useShownCount(ACTIONS_PAGE),
    open: useShownCount(ACTIONS_PAGE),
    closed: useShownCount(ACTIONS_PAGE),
  };
  // `#actions?action=<id>` (a resource's page links there): that action is drawn and focused.
  const linked = route.query.action ?? '';
  const linkedAt = (['due', 'open', 'closed'] as const)
    .map((group) => ({ group, index: groups[group].findIndex((a) => a.id === linked) }))
    .find(({ index }) => index >= 0);
  const focus = useListFocus(linked, linkedAt !== undefined, () => {
    if (linkedAt) shown[linkedAt.group].reveal(linkedAt.index);
  });

  const list = (group: keyof typeof groups, empty: string) => {
    const items = groups[group];
    const { count, showMore } = shown[group];
    if (items.length === 0) return <p class="empty">{empty}</p>;
    return (
      <>
        <ul class="action-list">
          {items.slice(0, count).map((action) => (
            <ActionItem
              key={action.id}
              action={action}
              now={now}
              existing={data?.existing}
              onDelete={(a) => void remove(a)}
              focused={focus.of(action.id)}
              onFocused={focus.clear}
            />
          ))}
        </ul>
        <ShowMore
          shown={Math.min(count, items.length)}
          total={items.length}
          page={ACTIONS_PAGE}
          onMore={() => {
            focus.next(items[count]);
            showMore();
          }}
        />
      </>
    );
  };

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
            {list('due', t('actionsDueEmpty'))}
          </section>
          <section class="action-group" aria-labelledby="actions-open-heading">
            <h2 id="actions-open-heading">
              {t('actionsOpenHeading')} <span class="chip">{groups.open.length}</span>
            </h2>
            {list('open', t('actionsOpenEmpty'))}
          </section>
          <section class="action-group" aria-labelledby="actions-done-heading">
            <h2 id="actions-done-heading">
              {t('actionsDoneHeading')} <span class="chip">{groups.closed.length}</span>
            </h2>
            {list('closed', t('actionsDoneEmpty'))}
          </section>
        </>
      )}
    </div>
  );
}
