import { browser } from 'wxt/browser';

/**
 * Apart from lib/background/notify.ts (which loads the language): the service worker's entry
 * registers the button listener before any feature is loaded.
 */

/** Firefox's notifications have no buttons and a stub `onButtonClicked` that logs at every start. */
export function notificationButtonsSupported(isFirefox = import.meta.env.FIREFOX): boolean {
  return !isFirefox;
}

/** Registers a button listener only where buttons exist. Call synchronously at start-up. */
export function onNotificationButton(
  listener: (id: string, index: number) => void,
  isFirefox = import.meta.env.FIREFOX,
): void {
  if (!notificationButtonsSupported(isFirefox)) return;
  browser.notifications.onButtonClicked?.addListener(listener);
}
