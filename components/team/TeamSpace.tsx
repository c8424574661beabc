import { useEffect, useState } from 'preact/hooks';
import { useStorageItem } from '@/components/hooks/live';
import { latestAssessment } from '@/lib/app/assessments';
import {
  hasTeamSpace,
  onTeamChange,
  publishToTeam,
  readTeamSpace,
  saveFromTeam,
  saveTeamPublishChoice,
  shareCheckWithTeam,
  type SharedItem,
  syncAccount,
  teamPublishChoice,
  type TeamSpace,
  unpublishFromTeam,
  unshareCheck,
} from '@/lib/app/team';
import { conditionById } from '@/lib/assessment/conditions';
import type { Assessment } from '@/lib/model/assessment';
import { formatDate, formatNumber, t, tn } from '@/lib/i18n';
import { SHARED_HOW_OPTIONS } from '@/lib/format/resource-format';
import { routeHash } from '@/lib/routes';
import { formatClipTime } from '@/lib/infra/video-time';
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

/** What teammates published: who, when, how, their takeaways; one click saves it here. */
export function FromTheTeam({ space, reload, query = '' }: { space: TeamSpace; reload: () => void; query?: string }) {
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState<ReadonlySet<string>>(new Set());
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
      {theirs.length === 0 ? (
        <p class="empty">{t('teamFromEmpty')}</p>
      ) : (
        <ul class="team-from-list">
          {theirs.map((item) => (
            <li key={item._id} class="team-from-item">
              <h3>
                {item.url ? (
                  <a href={item.url} target="_blank" rel="noopener noreferrer">
                    {item.title}
                  </a>
                ) : (
                  item.title
                )}
              </h3>
              <p class="small muted">
                {t('teamSharedBy', item.author, howLabel(item))}
                {item.site ? ` · ${item.site}` : ''}
              </p>
              {item.takeaways && item.takeaways.length > 0 && (
                <ul class="small">
                  {item.takeaways.map((text, i) => (
                    <li key={i}>{text}</li>
                  ))}
                </ul>
              )}
              {item.quotes && item.quotes.length > 0 && (
                <ul class="small">
                  {item.quotes.map((quote, i) => (
                    <li key={i}>
                      <q>{quote.exact}</q>
                    </li>
                  ))}
                </ul>
              )}
              {item.clips && item.clips.length > 0 && (
                <ul class="small">
                  {item.clips.map((clip, i) => (
                    <li key={i}>
                      {formatClipTime(clip)} {clip.note}
                    </li>
                  ))}
                </ul>
              )}
              <div class="row">
                {saved.has(item._id) ? (
                  <span class="small ok-text">{t('teamSavedToLibrary')}</span>
                ) : (
                  <button
                    type="button"
                    class="btn btn-small"
                    onClick={() =>
                      void saveFromTeam(item).then((resource) => {
                        if (!resource) return;
                        setSaved(new Set([...saved, item._id]));
                        setNote(t('teamSavedToLibrary'));
                      })
                    }
                  >
                    {t('teamSaveToLibrary')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {mine.length > 0 && (
        <ul class="team-from-list">
          {mine.map((item) => (
            <li key={item._id} class="team-from-item">
              <h3>
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
            </li>
          ))}
        </ul>
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
  const weakest = summary.weakest ? conditionById(summary.weakest) : undefined;
  return (
    <section class="card panel team-env" aria-labelledby="team-env-heading">
      <h2 id="team-env-heading">{t('teamEnvHeading')}</h2>
      <p class="muted small">{t('teamEnvIntro')}</p>
      {summary.conditions.length === 0 ? (
        <p class="empty">{tn('teamEnvTooFew', summary.members)}</p>
      ) : (
        <>
          {weakest && (
            <p>
              <strong>{t('teamEnvWeakest', t(weakest.name))}</strong>
            </p>
          )}
          <table class="team-env-table small">
            <tbody>
              {summary.conditions.map((c) => {
                const condition = conditionById(c.conditionId);
                const at = (score: number) => `${((score - 1) / 4) * 100}%`;
                return (
                  <tr key={c.conditionId} class={c.conditionId === summary.weakest ? 'team-env-weakest' : undefined}>
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
export function PublishOffer({ ids, onDone }: { ids: readonly string[]; onDone: (published: boolean) => void }) {
  const choice = useStorageItem(teamPublishChoice);
  const [connected, setConnected] = useState<boolean | undefined>(undefined);
  const [remember, setRemember] = useState(false);
  useEffect(() => {
    void hasTeamSpace().then(setConnected);
  }, []);
  const single = ids.length === 1;
  const publish = async (yes: boolean) => {
    if (choice && single && remember) await saveTeamPublishChoice({ ...choice, publish: yes });
    if (yes && choice) for (const id of ids) await publishToTeam(id, choice.include);
    onDone(yes);
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
