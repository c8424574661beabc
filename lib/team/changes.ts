/**
 * The team space's own change path: news from the server while a library page is open (the live
 * replication of the page that leads it: lib/app/page-sync.ts announces each arrival, to every
 * extension page), and whatever shows the team space reads it again (`onTeamChange`, which views
 * reach through lib/app/team.ts). The library's own records are announced on their own path too,
 * `committed` (lib/app/commit.ts).
 */
const teamEvents = new EventTarget();

/**
 * One library page of the profile replicates live (lib/app/page-sync.ts); the others hear its
 * arrivals on this channel.
 */
const CHANNEL = 'learning-loop:team';
let channel: BroadcastChannel | null | undefined;
function getChannel(): BroadcastChannel | null {
  if (channel === undefined) {
    channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
    channel?.addEventListener('message', () => teamEvents.dispatchEvent(new Event('change')));
  }
  return channel;
}

/** Called after each arrival from the server. Returns the unsubscribe. */
export function onTeamChange(listener: () => void): () => void {
  getChannel();
  teamEvents.addEventListener('change', listener);
  return () => teamEvents.removeEventListener('change', listener);
}

/** Tells this page's listeners, and every other extension page's, that the server sent news the team space may show. */
export function announceTeamChange(): void {
  getChannel()?.postMessage('change');
  teamEvents.dispatchEvent(new Event('change'));
}
