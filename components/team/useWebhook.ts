import { useEffect, useState } from 'preact/hooks';
import { webhook, type WebhookSettings } from '@/lib/settings';

/** The saved webhook, kept current; undefined while loading. Held in state so a click handler can use it without awaiting. */
export function useWebhook(): WebhookSettings | null | undefined {
  const [value, setValue] = useState<WebhookSettings | null | undefined>(undefined);
  useEffect(() => {
    let alive = true;
    void webhook.getValue().then((v) => alive && setValue(v));
    const stop = webhook.watch((v) => setValue(v));
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return value;
}
