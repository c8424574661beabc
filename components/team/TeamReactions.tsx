import { useState } from 'preact/hooks';
import { DateField } from '@/components/fields/DateField';
import { followUpFromPreset, fromDateInput, toDateInput } from '@/lib/actions/follow-up';
import { reactToTeamItem, removeReaction, tryTeamItem } from '@/lib/app/team-reactions';
import type { SharedItem, TeamReaction, TeamSpace } from '@/lib/app/team';
import { formatDate, formatNumber, t, tn } from '@/lib/i18n';
import { capLine } from '@/lib/infra/limits';
import { teamMonth } from '@/lib/team/news';
import '@/components/team/team-space.css';

/** A teammate's name as drawn: short, and isolated so its direction stays its own. */
const Name = ({ name }: { name: string }) => <bdi>{capLine(name, 50)}</bdi>;

/** Names in a sentence, each isolated: "Thanked by a, b". */
function Names({ message, names }: { message: (placeholder: string) => string; names: readonly string[] }) {
  const [before = '', after = ''] = message('\uE000').split('\uE000');
  return (
    <>
      {before}
      {names.map((name, i) => (
        <span key={name}>
          {i > 0 && ', '}
          <Name name={name} />
        </span>
      ))}
      {after}
    </>
  );
}

function TakeBack({ reaction, me, onChanged }: { reaction: TeamReaction; me: string; onChanged: () => void }) {
  if (reaction.author !== me) return null;
  return (
    <button
      type="button"
      class="btn btn-small btn-ghost team-take-back"
      onClick={() => void removeReaction(reaction._id).then(onChanged)}
    >
      {t('teamReactTakeBack')}
    </button>
  );
}

/**
 * What teammates did with an item: who thanked it, who is trying it, who tried it and what
 * happened, the comments. Every name and word is a teammate's, drawn isolated and bounded (the
 * checks hold a reaction's text to the team caps). `me`'s own reactions can be taken back.
 */
export function ReactionList({
  reactions,
  me,
  onChanged,
}: {
  reactions: readonly TeamReaction[];
  me?: string;
  onChanged?: () => void;
}) {
  if (!reactions.length) return null;
  const of = (kind: TeamReaction['kind']) => reactions.filter((r) => r.kind === kind);
  const names = (list: readonly TeamReaction[]) => list.map((r) => r.author);
  const thanks = of('thanks');
  const trying = of('trying');
  const own = (r: TeamReaction) => (me && onChanged ? <TakeBack reaction={r} me={me} onChanged={onChanged} /> : null);
  return (
    <ul class="team-reactions small">
      {thanks.length > 0 && (
        <li class="team-reaction-thanks">
          <Names message={(n) => t('teamReactThankedBy', n)} names={names(thanks)} />
        </li>
      )}
      {trying.length > 0 && (
        <li class="team-reaction-trying">
          <Names message={(n) => t('teamReactTryingBy', n)} names={names(trying)} />
        </li>
      )}
      {of('tried').map((r) => (
        <li key={r._id} class="team-reaction-tried">
          <strong>
            <Names message={(n) => t('teamReactTriedBy', n)} names={[r.author]} />
          </strong>
          {r.effect && <span dir="auto"> {r.effect}</span>} {own(r)}
        </li>
      ))}
      {of('comment').map((r) => (
        <li key={r._id} class="team-reaction-comment">
          <span class="muted">
            <Names message={(n) => t('teamReactCommentBy', n, formatDate(r.at))} names={[r.author]} />
          </span>{' '}
          <span dir="auto">{r.text}</span> {own(r)}
        </li>
      ))}
    </ul>
  );
}

/** I'll try this: a follow-up day, then the item saved here with an action and the teammate told. */
function TryForm({
  item,
  onDone,
  onCancel,
}: {
  item: SharedItem;
  onDone: (note: string) => void;
  onCancel: () => void;
}) {
  const [date, setDate] = useState(() => toDateInput(followUpFromPreset('week', Date.now())));
  const [problem, setProblem] = useState('');
  const start = async () => {
    const followUpAt = fromDateInput(date);
    if (followUpAt === undefined || followUpAt <= Date.now()) return setProblem(t('teamTryDateInPast'));
    const tried = await tryTeamItem(item, followUpAt);
    if (!tried.ok) return setProblem(tried.message);
    onDone([t('teamTrySaved', formatDate(followUpAt)), tried.told.ok ? '' : tried.told.message].join(' ').trim());
  };
  return (
    <div class="team-try-form">
      <p class="small muted">
        <Names message={(n) => t('teamTryIntro', n)} names={[item.author]} />
      </p>
      <DateField label={t('teamTryDateLabel')} value={date} min={toDateInput(Date.now())} onValue={setDate} />
      <div class="row">
        <button type="button" class="btn btn-small btn-primary" onClick={() => void start()}>
          {t('teamTryStart')}
        </button>
        <button type="button" class="btn btn-small btn-ghost" onClick={onCancel}>
          {t('teamTryCancel')}
        </button>
      </div>
      {problem && (
        <p class="small team-save-refused" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A comment or question on an item; what was typed stays until the team space took it. */
function CommentBox({ item, onChanged }: { item: SharedItem; onChanged: () => void }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const id = `team-comment-${item._id}`;
  const post = async () => {
    const outcome = await reactToTeamItem(item, 'comment', text);
    if (!outcome.ok) return setProblem(outcome.message);
    setText('');
    setProblem('');
    onChanged();
  };
  return (
    <div class="team-comment-box">
      <label class="small" for={id}>
        {t('teamCommentLabel')} <span class="muted">{t('teamEveryoneSees')}</span>
      </label>
      <div class="row">
        <textarea
          id={id}
          class="input"
          rows={2}
          dir="auto"
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="button" class="btn btn-small" disabled={!text.trim()} onClick={() => void post()}>
          {t('teamCommentPost')}
        </button>
      </div>
      {problem && (
        <p class="small team-save-refused" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** Thanks, I'll try this and a comment on a teammate's item, and what the team did with it. */
export function ItemReactions({
  item,
  space,
  onChanged,
}: {
  item: SharedItem;
  space: TeamSpace;
  onChanged: () => void;
}) {
  const [trying, setTrying] = useState(false);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const reactions = space.reactions[item._id] ?? [];
  const mine = (kind: TeamReaction['kind']) => reactions.find((r) => r.author === space.me && r.kind === kind);
  const thanked = mine('thanks');
  const toggleThanks = async () => {
    const outcome = thanked ? await removeReaction(thanked._id) : await reactToTeamItem(item, 'thanks');
    setProblem(outcome.ok ? '' : outcome.message);
    onChanged();
  };
  return (
    <div class="team-item-reactions">
      <ReactionList reactions={reactions} me={space.me} onChanged={onChanged} />
      {item.author !== space.me && (
        <>
          <div class="row">
            <button
              type="button"
              class={`btn btn-small${thanked ? ' btn-primary' : ''}`}
              aria-pressed={thanked ? 'true' : 'false'}
              onClick={() => void toggleThanks()}
            >
              {thanked ? t('teamReactThanked') : t('teamReactThanks')}
            </button>
            {mine('trying') ? (
              <span class="small ok-text">{t('teamReactTrying')}</span>
            ) : (
              !trying && (
                <button type="button" class="btn btn-small" onClick={() => setTrying(true)}>
                  {t('teamReactTry')}
                </button>
              )
            )}
          </div>
          {trying && (
            <TryForm
              item={item}
              onCancel={() => setTrying(false)}
              onDone={(message) => {
                setTrying(false);
                setNote(message);
                onChanged();
              }}
            />
          )}
          <CommentBox item={item} onChanged={onChanged} />
        </>
      )}
      {problem && (
        <p class="small team-save-refused" role="alert">
          {problem}
        </p>
      )}
      <p class="small ok-text" role="status">
        {note}
      </p>
    </div>
  );
}

/** Reactions left out because their item is no longer shared: counted, never drawn. */
export function OrphanNotice({ space }: { space: TeamSpace }) {
  if (!space.orphanReactions) return null;
  return (
    <p class="small muted team-orphans">
      {tn('teamReactOrphans', space.orphanReactions, formatNumber(space.orphanReactions))}
    </p>
  );
}

/** The team's month: what was shared, tried and by how many; counts only, no one ranked. */
export function TeamMonthSummary({ space, now = Date.now() }: { space: TeamSpace; now?: number }) {
  const day = new Date(now);
  const start = new Date(day.getFullYear(), day.getMonth(), 1).getTime();
  const end = new Date(day.getFullYear(), day.getMonth() + 1, 1).getTime();
  const month = teamMonth(space.items, space.reactions, start, end);
  const n = formatNumber;
  return (
    <section class="card panel team-month" aria-labelledby="team-month-heading">
      <h2 id="team-month-heading">{t('teamMonthHeading')}</h2>
      <p class="muted small">{t('teamMonthIntro')}</p>
      <ul class="team-month-figures">
        <li>{tn('teamMonthShared', month.shared, n(month.shared))}</li>
        <li>
          {tn('teamMonthTried', month.triedItems, n(month.triedItems))}
          {month.triedItems > 0 && ` ${tn('teamMonthTriedBy', month.triedBy, n(month.triedBy))}`}
        </li>
        <li>{tn('teamMonthTrying', month.tryingItems, n(month.tryingItems))}</li>
        <li>
          {tn('teamMonthThanks', month.thanks, n(month.thanks))} ·{' '}
          {tn('teamMonthComments', month.comments, n(month.comments))}
        </li>
      </ul>
    </section>
  );
}
