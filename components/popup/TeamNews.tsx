import { useStorageItem } from '@/components/hooks/live';
import { dismissTeamNews } from '@/lib/app/team-news';
import { formatNumber, type MessageKey, type PluralKey, t, tn } from '@/lib/i18n';
import { syncAccount, type TeamNewsKind, type TeamNewsLine, teamNews, teamNewsSeen } from '@/lib/settings';
import './team-news.css';

/** How many lines of who did what the popup shows; the counts above them cover the rest. */
const SHOWN = 3;

type CountField = 'thanked' | 'trying' | 'tried' | 'comments';
const COUNTS: [CountField, PluralKey][] = [
  ['thanked', 'teamNewsThanked'],
  ['trying', 'teamNewsTrying'],
  ['tried', 'teamNewsTried'],
  ['comments', 'teamNewsComments'],
];

const LINE: Record<TeamNewsKind, MessageKey> = {
  thanks: 'teamNewsLineThanks',
  trying: 'teamNewsLineTrying',
  tried: 'teamNewsLineTried',
  comment: 'teamNewsLineComment',
};

/** The news the last sync pass stored, unless seen already (here or, through sync, elsewhere) or the team space is gone. */
function useNews() {
  const news = useStorageItem(teamNews);
  const seen = useStorageItem(teamNewsSeen);
  const account = useStorageItem(syncAccount);
  if (!news || seen === undefined || !account?.teamDatabase || news.latestAt <= seen) return null;
  return news;
}

/** "bob thanked you for A talk: “…”", the name and the title isolated, the words on their own. */
function Line({ line }: { line: TeamNewsLine }) {
  const [a = '', b = '', c = ''] = t(LINE[line.kind], '\uE000', '\uE001').split(/[\uE000\uE001]/);
  return (
    <li>
      {a}
      <bdi>{line.who}</bdi>
      {b}
      <bdi>{line.title}</bdi>
      {c}
      {line.text && (
        <>
          {': '}
          <span dir="auto">{line.text}</span>
        </>
      )}
    </li>
  );
}

/**
 * What teammates did with what the user shared: "2 teammates thanked you, 1 tried what you
 * shared", who and what, once. It reads only the storage item the sync pass writes (no sync code
 * in the popup); Got it marks it seen on every device of the user's.
 */
export function TeamNews() {
  const news = useNews();
  if (!news) return null;
  const counts = COUNTS.filter(([field]) => news[field] > 0).map(([field, key]) =>
    tn(key, news[field], formatNumber(news[field])),
  );
  return (
    <section class="card team-news" aria-labelledby="team-news-title">
      <h2 id="team-news-title">{t('teamNewsHeading')}</h2>
      <p class="small team-news-counts">{counts.join(', ')}</p>
      <ul class="small team-news-lines">
        {news.lines.slice(0, SHOWN).map((line) => (
          <Line key={`${line.kind}:${line.who}:${line.at}`} line={line} />
        ))}
      </ul>
      <button type="button" class="btn btn-small btn-ghost" onClick={() => void dismissTeamNews(news.latestAt)}>
        {t('teamNewsDismiss')}
      </button>
    </section>
  );
}
