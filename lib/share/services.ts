import { t, type MessageKey } from '../i18n';
import type { WebhookService } from '../settings';

/** The chat services a webhook can post to, with their names as the UI says them. */
export const SERVICES: { value: WebhookService; label: MessageKey }[] = [
  { value: 'slack', label: 'webhookServiceSlack' },
  { value: 'mattermost', label: 'webhookServiceMattermost' },
  { value: 'discord', label: 'webhookServiceDiscord' },
  { value: 'teams', label: 'webhookServiceTeams' },
  { value: 'generic', label: 'webhookServiceGeneric' },
];

/** "Slack", "Microsoft Teams (workflows)": a service's name in the UI's language. */
export function serviceName(service: WebhookService): string {
  const entry = SERVICES.find((option) => option.value === service);
  return entry ? t(entry.label) : service;
}
