import { useEffect, useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks/live';
import { latestAssessment } from '@/lib/app/assessments';
import { ShowMore } from '@/components/list/ShowMore';
import { formatQuoteLocation } from '@/lib/quotes/location';
import {
  describePublish,
  describeRefused,
  hasTeamSpace,
  onTeamChange,
  publishToTeam,
  readTeamSpace,
  saveFromTeam,
  saveTeamPublishChoice,
  shareCheckWithTeam,
  type SharedItem,
  type TeamCut,
  syncAccount,
  teamPublishChoice,
  type TeamSpace,
  unpublishFromTeam,
  unshareCheck,
} from '@/lib/app/team';
import { conditionById } from '@/lib/assessment/conditions';
import type { Assessment } from '@/lib/model/assessment';
import { formatDate, formatNumber, locale, t, tn } from '@/lib/i18n';
import { SHARED_HOW_OPTIONS } from '@/lib/format/resource-format';
import { routeHash } from '@/lib/routes';
import { safeHref } from '@/lib/infra/limits';
import { formatClipTime } from '@/lib/infra/video-time';
import { ItemReactions, OrphanNotice, ReactionList } from '@/components/team/TeamReactions';
import '@/components/team/team-space.css';

/** The team space as this browser holds it, read again when the server's copy changes. */
export function useTeamSpace(): { space: TeamSpace | null | undefined; reload: () => void } {
  const account = useStorageItem(syncAccount);
  const [space, setSpace] = useState<TeamSpace | null | undefined>(undefined);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (account === undefined) return;
    if (!account?.teamDatabase) {
      setSpace(null);
      return;
    }
    let current = true;
    // Show what this browser has at once, then what the server has.
    void readTeamSpace(false).then((s) => current && setSpace(s));
    void readTeamSpace(true).then(
      (s) => current && setSpace(s),
      () => undefined,
    );
    const stop = onTeamChange(() => void readTeamSpace(false).then((s) => current && setSpace(s)));
    return () => {
      current = false;
      stop();
    };
  }, [account?.teamDatabase, account?.user, version]);
  return { space, reload: () => setVersion((v) => v + 1) };
}

function howLabel(item: SharedItem): string {
  const option = SHARED_HOW_OPTIONS.find((o) => o.how === item.sharedHow);
  return option ? `${formatDate(item.sharedAt)} · ${t(option.label)}` : formatDate(item.sharedAt);
}

/** Items drawn at once, and each item's list entries before "Show all": one member's items stay cheap to draw. */
const TEAM_PAGE = 20;
const LIST_PREVIEW = 3;

/** A message with a teammate's name in it: the name in <bdi>, so its direction cannot spill into the sentence. */
function WithName({ message, name }: { message: (placeholder: string) => string; name: string }) {
  const [before = '', after = ''] = message('\uE000').split('\uE000');
  return (
    <>
      {before}
      <bdi>{name}</bdi>
      {after}
    </>
  );
}

/** A teammate's list (takeaways, quotes, clips): the first few, then all on request. */
function CollapsedList<T>({ entries, draw }: { entries: readonly T[] | undefined; draw: (entry: T) => string }) {
  const [all, setAll] = useState(false);
  if (!entries?.length) return null;
  const shown = all ? entries : entries.slice(0, LIST_PREVIEW);
  return (
    <>
      <ul class="small">
        {shown.map((entry, i) => (
          <li key={i} dir="auto">
            {draw(entry)}
          </li>
        ))}
      </ul>
      {entries.length > LIST_PREVIEW && (
        <button type="button" class="btn btn-small btn-ghost team-show-all" onClick={() => setAll(!all)}>
          {all ? t('teamShowFewer') : tn('teamShowAll', entries.length)}
        </button>
      )}
    </>
  );
}

/** A teammate's item: who, when, how, what they included; Save to my library says why when it cannot. */
function TheirItem({ item, space, reload }: { item: SharedItem; space: TeamSpace; reload: () => void }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);
  const href = safeHref(item.url);
  return (
    <li class="team-from-item">
      <h3 dir="auto">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer">
            {item.title}
          </a>
        ) : (
          item.title
        )}
      </h3>
      <p class="small muted">
        <WithName message={(name) => t('teamSharedBy', name, howLabel(item))} name={item.author} />
        {item.site ? (
          <>
            {' · '}
            <bdi>{item.site}</bdi>
          </>
        ) : null}
      </p>
      <CollapsedList entries={item.takeaways} draw={(text) => text} />
      <CollapsedList
        entries={item.quotes}
        draw={(quote) => {
          const where = formatQuoteLocation(quote.location);
          return `“${quote.exact}”${where ? ` (${where})` : ''}`;
        }}
      />
      <CollapsedList entries={item.clips} draw={(clip) => `${formatClipTime(clip)} ${clip.note}`} />
      <div class="row">
        {outcome?.ok ? (
          <span class="small ok-text">{outcome.message}</span>
        ) : (
          <>
            <button
              type="button"
              class="btn btn-small"
              onClick={() =>
                void saveFromTeam(item).then((saved) =>
                  setOutcome(saved.ok ? { ok: true, message: t('teamSavedToLibrary') } : saved),
                )
              }
            >
              {t('teamSaveToLibrary')}
            </button>
            {outcome && (
              <span class="small team-save-refused" role="alert">
                {outcome.message}
              </span>
            )}
          </>
        )}
      </div>
      <ItemReactions item={item} space={space} onChanged={reload} />
    </li>
  );
}

/** What the team space could not show and why, and rules on the server older than this version's. */
function TeamSpaceNotices({ space }: { space: TeamSpace }) {
  return (
    <>
      {space.refused.map((entry) => (
        <p key={entry.why} class="notice notice-warn small team-refused">
          {describeRefused(entry)}
        </p>
      ))}
      <OrphanNotice space={space} />
      {space.setupCommand && (
        <div class="notice notice-warn small team-rules">
          <p>{t('teamRulesOutdated')}</p>
          <code>{space.setupCommand}</code>
        </div>
      )}
    </>
  );
}

/** What teammates published: who, when, how, their takeaways; one click saves it here. */
export function FromTheTeam({ space, reload, query = '' }: { space: TeamSpace; reload: () => void; query?: string }) {
  const [note, setNote] = useState('');
  const [limit, setLimit] = useState(TEAM_PAGE);
  const [mineLimit, setMineLimit] = useState(TEAM_PAGE);
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const matches = (item: SharedItem) => {
    if (!words.length) return true;
    const text = [item.title, item.site, item.creator, item.author, ...(item.takeaways ?? [])]
      .join(' ')
      .toLocaleLowerCase();
    return words.every((word) => text.includes(word));
  };
  const theirs = space.items.filter((item) => item.author !== space.me && matches(item));
  const mine = query ? [] : space.items.filter((item) => item.author === space.me);
  return (
    <section class="card panel team-from" aria-labelledby="team-from-heading">
      <h2 id="team-from-heading">{t('teamFromHeading')}</h2>
      <p class="muted">{t('teamFromIntro')}</p>
      <TeamSpaceNotices space={space} />
      {theirs.length === 0 ? (
        <p class="empty">{t('teamFromEmpty')}</p>
      ) : (
        <>
          <ul class="team-from-list">
            {theirs.slice(0, limit).map((item) => (
              <TheirItem key={item._id} item={item} space={space} reload={reload} />
            ))}
          </ul>
          <ShowMore
            shown={Math.min(limit, theirs.length)}
            total={theirs.length}
            page={TEAM_PAGE}
            onMore={() => setLimit(limit + TEAM_PAGE)}
          />
        </>
      )}
      {mine.length > 0 && (
        <>
          <ul class="team-from-list">
            {mine.slice(0, mineLimit).map((item) => (
              <li key={item._id} class="team-from-item">
                <h3 dir="auto">
                  <a href={routeHash('resource', item.resourceId)}>{item.title}</a>
                </h3>
                <p class="small muted">{t('teamYours', howLabel(item))}</p>
                <div class="row">
                  <button
                    type="button"
                    class="btn btn-small btn-ghost"
                    onClick={() =>
                      void unpublishFromTeam(item.resourceId).then(() => {
                        setNote(t('teamUnpublished'));
                        reload();
                      })
                    }
                  >
                    {t('teamUnpublish')}
                  </button>
                </div>
                <ReactionList reactions={space.reactions[item._id] ?? []} me={space.me} onChanged={reload} />
              </li>
            ))}
          </ul>
          <ShowMore
            shown={Math.min(mineLimit, mine.length)}
            total={mine.length}
            page={TEAM_PAGE}
            onMore={() => setMineLimit(mineLimit + TEAM_PAGE)}
          />
        </>
      )}
      <p class="small ok-text" role="status">
        {note}
      </p>
    </section>
  );
}

/** The members' shared checks: medians and spread per condition once three shared. */
export function TeamEnvironment({ space, reload }: { space: TeamSpace; reload: () => void }) {
  const [latest, setLatest] = useState<Assessment | null | undefined>(undefined);
  useEffect(() => {
    void latestAssessment().then((a) => setLatest(a ?? null));
  }, []);
  const mine = space.checks.find((c) => c.author === space.me);
  const { summary } = space;
  const weakest = summary.weakest.flatMap((id) => {
    const condition = conditionById(id);
    return condition ? [t(condition.name)] : [];
  });
  return (
    <section class="card panel team-env" aria-labelledby="team-env-heading">
      <h2 id="team-env-heading">{t('teamEnvHeading')}</h2>
      <p class="muted small">{t('teamEnvIntro')}</p>
      {summary.conditions.length === 0 ? (
        <p class="empty">{tn('teamEnvTooFew', summary.members)}</p>
      ) : (
        <>
          {weakest.length > 0 && (
            <p>
              <strong>
                {t(
                  'teamEnvWeakest',
                  new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(weakest),
                )}
              </strong>
              {weakest.length > 1 && (
                <span class="muted small"> {tn('teamEnvTied', weakest.length, formatNumber(weakest.length))}</span>
              )}
            </p>
          )}
          <table class="team-env-table small">
            <tbody>
              {summary.conditions.map((c) => {
                const condition = conditionById(c.conditionId);
                const at = (score: number) => `${((score - 1) / 4) * 100}%`;
                return (
                  <tr
                    key={c.conditionId}
                    class={summary.weakest.includes(c.conditionId) ? 'team-env-weakest' : undefined}
                  >
                    <th scope="row">{condition ? t(condition.name) : c.conditionId}</th>
                    <td class="team-env-figures">
                      {t('teamEnvMedian', formatNumber(c.median), formatNumber(c.min), formatNumber(c.max))}
                      <span class="team-env-scale" aria-hidden="true">
                        <span
                          class="team-env-range"
                          style={{ left: at(c.min), width: `calc(${at(c.max)} - ${at(c.min)})` }}
                        />
                        <span class="team-env-median" style={{ left: at(c.median) }} />
                      </span>
                    </td>
                    <td class="muted team-env-count">{tn('teamEnvMembers', c.count)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <div class="row">
        {latest === null ? (
          !mine && <span class="small muted">{t('teamEnvNoCheck')}</span>
        ) : latest ? (
          <button type="button" class="btn btn-small" onClick={() => void shareCheckWithTeam(latest).then(reload)}>
            {t('teamEnvShare')}
          </button>
        ) : null}
        {mine && (
          <>
            <span class="small ok-text">{t('teamEnvShared', formatDate(mine.checkedAt))}</span>
            <button type="button" class="btn btn-small btn-ghost" onClick={() => void unshareCheck().then(reload)}>
              {t('teamEnvUnshare')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}

/**
 * After marking shared with a team space connected: publish too? A single item follows the
 * remembered choice (asked the first time); several are never published without asking.
 */
export function PublishOffer({
  ids,
  onDone,
}: {
  ids: readonly string[];
  /** `note`: what to tell the user once published ("Published… First 50 of 120 quotes shared."). */
  onDone: (published: boolean, note: string) => void;
}) {
  const choice = useStorageItem(teamPublishChoice);
  const [connected, setConnected] = useState<boolean | undefined>(undefined);
  const [remember, setRemember] = useState(false);
  useEffect(() => {
    void hasTeamSpace().then(setConnected);
  }, []);
  const single = ids.length === 1;
  const publish = async (yes: boolean) => {
    if (choice && single && remember) await saveTeamPublishChoice({ ...choice, publish: yes });
    const cut: TeamCut[] = [];
    if (yes && choice)
      for (const id of ids) {
        const outcome = await publishToTeam(id, choice.include);
        if (outcome.ok) cut.push(...outcome.cut);
      }
    onDone(yes, yes ? describePublish({ cut }) : '');
  };
  useEffect(() => {
    if (!connected || !choice || !single || choice.publish === null) return;
    void publish(choice.publish);
  }, [connected, choice?.publish]);
  if (!connected || !choice || (single && choice.publish !== null)) return null;
  return (
    <div class="notice publish-offer" role="group" aria-labelledby="publish-offer-title">
      <p id="publish-offer-title">
        <strong>{t('teamPublishAskTitle')}</strong> {tn('teamPublishAskText', ids.length)}
      </p>
      <div class="row">
        <button type="button" class="btn btn-small btn-primary" onClick={() => void publish(true)}>
          {t('teamPublishYes')}
        </button>
        <button type="button" class="btn btn-small" onClick={() => void publish(false)}>
          {t('teamPublishNo')}
        </button>
        {single && (
          <label class="checkbox small">
            <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.currentTarget.checked)} />
            {t('teamPublishRemember')}
          </label>
        )}
      </div>
    </div>
  );
}

/** The library's "From the team" filter: the same list, searched by the library's search box. */
export function TeamLibraryList({ query }: { query: string }) {
  const { space, reload } = useTeamSpace();
  if (space === undefined) return <div class="skeleton" aria-busy="true" />;
  if (space === null) return null;
  return <FromTheTeam space={space} reload={reload} query={query} />;
}
