import { browser } from 'wxt/browser';
import { languageReady } from './language';
import { notificationButtonsSupported } from './notification-buttons';

export interface NotificationContent {
  title: string;
  message: string;
  /** Chrome shows up to two; Firefox has no buttons, so the click alone must lead somewhere. */
  buttons?: string[];
}

const MESSAGE_LIMIT = 300;

/**
 * Every notification the extension shows goes through here. The content is built after the
 * chosen language is loaded (a worker woken cold by an alarm starts in the browser's language),
 * and buttons fall back to a plain notification where the browser refuses them.
 */
export async function notify(id: string, content: () => NotificationContent): Promise<void> {
  await languageReady();
  const { title, message, buttons } = content();
  const base = {
    type: 'basic' as const,
    iconUrl: browser.runtime.getURL('/icons/128.png'),
    title,
    message: message.slice(0, MESSAGE_LIMIT),
  };
  if (!buttons?.length || !notificationButtonsSupported()) {
    await browser.notifications.create(id, base);
    return;
  }
  try {
    await browser.notifications.create(id, { ...base, buttons: buttons.map((b) => ({ title: b })) } as typeof base);
  } catch {
    await browser.notifications.create(id, base);
  }
}

export async function clearNotifications(prefix: string): Promise<void> {
  const all = await browser.notifications.getAll();
  await Promise.all(
    Object.keys(all)
      .filter((id) => id.startsWith(prefix))
      .map((id) => browser.notifications.clear(id)),
  );
}
