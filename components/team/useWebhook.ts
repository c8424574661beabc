import { useStorageItem } from '@/components/hooks/live';
import { webhook, type WebhookSettings } from '@/lib/settings';

/** The saved webhook, kept current; undefined while loading. Held in state so a click handler can use it without awaiting. */
export function useWebhook(): WebhookSettings | null | undefined {
  return useStorageItem(webhook);
}
