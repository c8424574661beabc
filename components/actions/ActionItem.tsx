import { useState } from 'preact/hooks';
import type { Action } from '@/lib/model/action';
import { formatDate, t } from '@/lib/i18n';
import { actionState } from '@/lib/actions/follow-up';
import { FollowUpAnswer } from './FollowUpAnswer';
import { SourceLabel } from './SourceLabel';
import { ConflictNotice } from '@/components/ConflictNotice';
import { chooseActionVersion } from '@/lib/app/actions';
import { type ListFocus, useFocusWhen } from '@/components/list/shown';
import { lazyComponent } from '@/components/Lazy';

interface Props {
  action: Action;
  now: number;
  existing?: ReadonlySet<string>;
  onDelete: (action: Action) => void;
  /** A link or "Show more" led here: the item takes the focus once drawn. */
  focused?: ListFocus['how'] | null;
  onFocused?: () => void;
}

const nothing = () => undefined;

// Only an action from a teammate's item offers it; the team space's code loads with it.
const TellTriedOffer = lazyComponent(
  () => import('@/components/team/TellTriedOffer').then((m) => m.TellTriedOffer),
  'nothing',
);

export function ActionItem({ action, now, existing, onDelete, focused = null, onFocused = nothing }: Props) {
  const state = actionState(action, now);
  const item = useFocusWhen<HTMLLIElement>(focused, onFocused);
  const [answering, setAnswering] = useState(state === 'due');
  const textId = `action-text-${action.id}`;
  return (
    <li ref={item} tabIndex={-1} class={`card action-item action-${state}`}>
      <p id={textId} class="action-text" dir="auto">
        {action.text}
      </p>
      <div class="action-row">
        <div class="action-meta small">
          {state === 'due' && <span class="chip chip-due">{t('actionStateDue')}</span>}
          {state === 'done' && <span class="chip chip-accent">{t('actionStateDone')}</span>}
          {state === 'dropped' && <span class="chip">{t('actionStateDropped')}</span>}
          {action.followUpAt !== undefined && action.status === 'open' && (
            <span class="muted">
              {state === 'due'
                ? t('actionDueSince', formatDate(action.followUpAt))
                : t('actionFollowUpOn', formatDate(action.followUpAt))}
            </span>
          )}
          {action.doneAt !== undefined && action.status !== 'open' && (
            <span class="muted">{formatDate(action.doneAt)}</span>
          )}
          <SourceLabel source={action.source} {...(existing ? { existing } : {})} />
        </div>
        <div class="action-buttons">
          {action.status === 'open' && !answering && (
            <button type="button" class="btn btn-small" aria-describedby={textId} onClick={() => setAnswering(true)}>
              {t('actionFollowUpNow')}
            </button>
          )}
          <button
            type="button"
            class="btn btn-small btn-ghost btn-danger"
            aria-describedby={textId}
            onClick={() => onDelete(action)}
          >
            {t('actionDelete')}
          </button>
        </div>
      </div>
      {action.outcome && (
        <p class="action-outcome">
          <span class="label">{t('actionOutcome')}</span> {action.outcome}
        </p>
      )}
      {(action.conflicts ?? []).map((conflict) => (
        <ConflictNotice
          key={`${conflict.field}:${conflict.at}:${conflict.text.length}`}
          conflict={conflict}
          onChoose={(c, useIt) => void chooseActionVersion(action.id, c, useIt).catch(console.error)}
        />
      ))}
      {action.status === 'done' && action.source.team && <TellTriedOffer action={action} />}
      {action.status === 'open' && answering && (
        <div class="action-answer">
          <FollowUpAnswer action={action} idPrefix={`answer-${action.id}`} onAnswered={() => setAnswering(false)} />
        </div>
      )}
    </li>
  );
}
