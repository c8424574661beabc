import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * The one message protocol between extension pages and the background. Pages read and write
 * IndexedDB themselves (same origin); messages are only for what the background owns:
 * alarms, notifications and the badge.
 */
export interface ProtocolMap {
  /** Settings that affect alarms changed: re-create them now. */
  reschedule(): void;
  /** The language setting changed: menus are re-created in it. */
  languageChanged(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
