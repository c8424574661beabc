import { loadLanguage } from '../i18n';
import { language } from '../settings';

let ready: Promise<void> | null = null;

/**
 * Notifications and menus speak the language chosen in settings. The worker can wake for any
 * event, so handlers that show text await this first; it loads once per worker life.
 */
export function languageReady(): Promise<void> {
  ready ??= language
    .getValue()
    .then(loadLanguage)
    .catch(() => undefined);
  return ready;
}

export function reloadLanguage(): Promise<void> {
  ready = null;
  return languageReady();
}

/** Tests: each starts a background as a new worker life would, reading the language again. */
export function forgetLanguage(): void {
  ready = null;
}
