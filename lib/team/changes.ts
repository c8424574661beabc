/**
 * The team space's own change path: news from the server while a library page is open (its live
 * replication: lib/app/page-sync.ts announces each arrival), and whatever shows the team space
 * reads it again (`onTeamChange`, which views reach through lib/app/team.ts). The library's own
 * records are announced on their own path too, `committed` (lib/app/commit.ts).
 */
const teamEvents = new EventTarget();

/** Called after each arrival from the server. Returns the unsubscribe. */
export function onTeamChange(listener: () => void): () => void {
  teamEvents.addEventListener('change', listener);
  return () => teamEvents.removeEventListener('change', listener);
}

/** Tells this page's listeners that the server sent news the team space may show. */
export function announceTeamChange(): void {
  teamEvents.dispatchEvent(new Event('change'));
}
