import { sendMessage } from '../messaging';

/**
 * Pages write actions and assessments themselves; the background owns the alarms and the
 * badge. A message wakes it to re-plan. A missing background (tests, a restarting worker) is
 * not the user's problem: it re-plans at start-up anyway.
 */
export function followUpsChanged(): void {
  void sendMessage('followUpsChanged').catch(() => undefined);
}

export function assessmentChanged(): void {
  void sendMessage('assessmentChanged').catch(() => undefined);
}
