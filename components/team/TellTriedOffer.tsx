import { useEffect, useState } from 'preact/hooks';
import { readTeamSpace, type SharedItem } from '@/lib/app/team';
import { tellTriedIt } from '@/lib/app/team-reactions';
import { reactionId } from '@/lib/team/reactions';
import { t } from '@/lib/i18n';
import { capLine } from '@/lib/infra/limits';
import type { Action } from '@/lib/model/action';
import '@/components/team/team-space.css';

/** The teammate's item an action came from, while still shared, and whether the user told them already. */
async function readState(action: Action): Promise<{ item: SharedItem; told: boolean } | null> {
  const team = action.source.team;
  const space = team ? await readTeamSpace(false) : null;
  if (!team || !space) return null;
  const item = space.items.find((i) => i.author === team.author && i.resourceId === team.resourceId);
  if (!item) return null;
  const id = reactionId(space.me, 'tried', item._id);
  return { item, told: (space.reactions[item._id] ?? []).some((r) => r._id === id) };
}

/**
 * After a follow-up on an action from a teammate's item: tell them it was tried, with what
 * happened. Never sent by itself; the user opens it, reads that the whole team space will see it,
 * and may change the words (the action's outcome to start with) before sending.
 */
export function TellTriedOffer({ action }: { action: Action }) {
  const [state, setState] = useState<{ item: SharedItem; told: boolean } | null>(null);
  const [open, setOpen] = useState(false);
  // The outcome whole: a longer one is refused with the cap named, and stays here to shorten.
  const [effect, setEffect] = useState(action.outcome ?? '');
  const [problem, setProblem] = useState('');
  useEffect(() => {
    void readState(action).then(setState, () => setState(null));
  }, [action.id, action.status]);
  if (!state) return null;
  // Isolated (FSI … PDI) inside the sentence: a teammate's name keeps its own direction.
  const author = `\u2068${capLine(state.item.author, 50)}\u2069`;
  if (state.told) return <p class="small ok-text team-told">{t('teamTellDone', author)}</p>;
  const send = async () => {
    const outcome = await tellTriedIt(action, effect);
    if (!outcome.ok) return setProblem(outcome.message);
    setOpen(false);
    setState({ ...state, told: true });
  };
  const fieldId = `team-tell-${action.id}`;
  return (
    <div class="team-tell">
      {!open ? (
        <button type="button" class="btn btn-small" onClick={() => setOpen(true)}>
          {t('teamTellOffer', author)}
        </button>
      ) : (
        <div role="group" aria-labelledby={`${fieldId}-intro`}>
          <p id={`${fieldId}-intro`} class="small">
            <strong>{t('teamTellIntro')}</strong>
          </p>
          <label class="field small" for={fieldId}>
            <span>{t('teamTellEffectLabel')}</span>
          </label>
          <textarea
            id={fieldId}
            class="input"
            rows={2}
            dir="auto"
            value={effect}
            onInput={(e) => setEffect(e.currentTarget.value)}
          />
          <div class="row">
            <button type="button" class="btn btn-small btn-primary" onClick={() => void send()}>
              {t('teamTellYes')}
            </button>
            <button type="button" class="btn btn-small btn-ghost" onClick={() => setOpen(false)}>
              {t('teamTellNo')}
            </button>
          </div>
        </div>
      )}
      {problem && (
        <p class="small team-save-refused" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
