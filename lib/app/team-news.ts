import { type SyncErrorKind, syncStatus, teamNews, teamNewsSeen } from '../settings';
import { newsFor } from '../team/news';
import { saveSetting } from './settings';

/**
 * "News for you": reactions to the user's shared items since they last looked, worked out after
 * each pass brings the team space (lib/app/sync-pass.ts) and kept in a small storage item the
 * popup reads without loading any sync code. The seen mark is a synced setting of the user's.
 */
const REFUSALS: readonly SyncErrorKind[] = ['signed-out', 'not-member', 'no-database', 'permission'];

export async function refreshTeamNews(): Promise<void> {
  // Loaded here, not above: the popup's news card imports this module for its dismissal alone.
  const { readTeamSpace } = await import('./team');
  const [space, status] = await Promise.all([readTeamSpace(false), syncStatus.getValue()]);
  // No team space, or one the server refused this pass (not a member, signed out): no news from it.
  // Offline, the copy here is still the team's latest known.
  const refused = status.teamError !== null && REFUSALS.includes(status.teamError);
  const news =
    space && !refused ? newsFor(space.me, space.items, space.reactions, await teamNewsSeen.getValue()) : null;
  const next = news?.latestAt ? news : null;
  // A pass with nothing new writes nothing: the popup's watcher stays quiet.
  if (JSON.stringify(next) !== JSON.stringify(await teamNews.getValue())) await teamNews.setValue(next);
}

/** The user has read the news: it is not news again, here or on their other devices. */
export async function dismissTeamNews(latestAt: number): Promise<void> {
  const seen = await teamNewsSeen.getValue();
  await saveSetting('teamNewsSeen', Math.max(seen, latestAt));
  await teamNews.setValue(null);
}
