import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * The one message protocol between extension pages and the background. Pages read and write
 * IndexedDB themselves (same origin); messages are only for what the background owns:
 * alarms, notifications and the badge.
 */
export interface ProtocolMap {
  /** Settings that affect alarms changed: re-create them now. */
  reschedule(): void;
  /** Actions were created, answered or re-dated: re-plan the follow-up alarm and badge. */
  followUpsChanged(): void;
  /** An assessment was saved or deleted, or the monthly check was snoozed or turned off. */
  assessmentChanged(): void;
  /** The language setting changed: menus are re-created in it. */
  languageChanged(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();
