import { isFormattableTime } from '../infra/time';
import { t } from '../i18n';
import type { WebhookService } from '../settings';
import {
  actionLine,
  clipText,
  digestMarkdown,
  digestSlack,
  digestSummary,
  digestText,
  digestTitle,
  itemMeta,
  quoteLine,
  teamTriedLine,
  topicLine,
  type Digest,
} from './digest';

/** Discord refuses a message over 2,000 characters. */
export const DISCORD_LIMIT = 2_000;
/** Slack truncates past 40,000 characters, Mattermost refuses past 16,383: stay under both. */
export const TEXT_LIMIT = 16_000;

function capChars(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const chars = Array.from(text.slice(0, limit));
  let out = '';
  for (const ch of chars) {
    if (out.length + ch.length > limit - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/**
 * Split text into pieces of at most `limit` characters: between paragraphs where possible,
 * then between lines, and only inside a line (at a code point) when one line is too long.
 */
export function splitMessage(text: string, limit = DISCORD_LIMIT): string[] {
  const pieces: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim()) pieces.push(current.trimEnd());
    current = '';
  };
  const add = (unit: string, separator: string) => {
    if (!current) current = unit;
    else if (current.length + separator.length + unit.length <= limit) current += separator + unit;
    else {
      push();
      current = unit;
    }
  };
  for (const paragraph of text.trim().split(/\n{2,}/)) {
    if (paragraph.length <= limit) {
      add(paragraph, '\n\n');
      continue;
    }
    for (const line of paragraph.split('\n')) {
      if (line.length <= limit) {
        add(line, current ? '\n' : '');
        continue;
      }
      push();
      let rest = Array.from(line);
      while (rest.length) {
        let chunk = '';
        let used = 0;
        for (const ch of rest) {
          if (chunk.length + ch.length > limit) break;
          chunk += ch;
          used++;
        }
        pieces.push(chunk);
        rest = rest.slice(used);
      }
    }
  }
  push();
  return pieces;
}

/** Adaptive Card for Microsoft Teams "workflows" (Post to a channel when a webhook request is received). */
export function teamsPayload(digest: Digest): unknown {
  // Card markdown has no escape for brackets: keep titles from turning into links.
  const plainTitle = (title: string) => title.replace(/\[/g, '(').replace(/\]/g, ')');
  const body: unknown[] = [
    { type: 'TextBlock', text: digestTitle(digest), size: 'Large', weight: 'Bolder', wrap: true },
  ];
  if (digest.kind === 'period')
    body.push({ type: 'TextBlock', text: digestSummary(digest), isSubtle: true, wrap: true, spacing: 'None' });
  if (digest.topic)
    body.push(
      { type: 'TextBlock', text: topicLine(digest.topic), weight: 'Bolder', wrap: true, spacing: 'Medium' },
      { type: 'TextBlock', text: digest.topic.suggestion, wrap: true, spacing: 'None' },
    );
  const teamLine = teamTriedLine(digest);
  if (teamLine) body.push({ type: 'TextBlock', text: plainTitle(teamLine), wrap: true, spacing: 'Medium' });
  for (const item of digest.items) {
    const title = plainTitle(item.title);
    const items: unknown[] = [
      { type: 'TextBlock', text: item.url ? `[${title}](${item.url})` : title, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: itemMeta(item, digest), isSubtle: true, wrap: true, spacing: 'None' },
    ];
    if (item.takeaways.length) {
      items.push({ type: 'TextBlock', text: t('digestTakeaways'), weight: 'Bolder', wrap: true, spacing: 'Small' });
      for (const line of item.takeaways)
        items.push({ type: 'TextBlock', text: `• ${line}`, wrap: true, spacing: 'None' });
    }
    if (item.clips.length) {
      items.push({ type: 'TextBlock', text: t('digestClips'), weight: 'Bolder', wrap: true, spacing: 'Small' });
      for (const clip of item.clips) {
        const text = clipText(clip);
        const at = clip.url ? `[${clip.at}](${clip.url})` : clip.at;
        items.push({ type: 'TextBlock', text: `• ${at}${text ? ` · ${text}` : ''}`, wrap: true, spacing: 'None' });
      }
    }
    if (item.quotes.length) {
      items.push({ type: 'TextBlock', text: t('digestQuotes'), weight: 'Bolder', wrap: true, spacing: 'Small' });
      for (const quote of item.quotes) {
        const link = quote.url ? ` · [${t('digestQuoteOpen')}](${quote.url})` : '';
        items.push({ type: 'TextBlock', text: plainTitle(quoteLine(quote)) + link, wrap: true, spacing: 'None' });
      }
    }
    if (item.actions.length) {
      items.push({ type: 'TextBlock', text: t('digestActions'), weight: 'Bolder', wrap: true, spacing: 'Small' });
      for (const action of item.actions)
        items.push({ type: 'TextBlock', text: `• ${actionLine(action, digest)}`, wrap: true, spacing: 'None' });
    }
    body.push({ type: 'Container', separator: true, spacing: 'Medium', items });
  }
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body,
        },
      },
    ],
  };
}

/** The generic JSON body (docs/WEBHOOKS.md): title, plain text, Markdown, and the items as data. */
export function genericPayload(digest: Digest): unknown {
  const iso = (time: number | undefined) =>
    isFormattableTime(time) ? new Date(time as number).toISOString() : undefined;
  return {
    title: digestTitle(digest),
    text: digestText(digest),
    markdown: digestMarkdown(digest),
    topic: digest.topic ?? null,
    items: digest.items.map((item) => ({
      title: item.title,
      url: item.url ?? null,
      kind: item.kind,
      ...(item.kind === 'activity'
        ? {
            activityType: item.activityType ?? null,
            happenedOn: item.happenedOn ?? null,
            withWhom: item.withWhom ?? null,
          }
        : {}),
      site: item.site ?? null,
      learnedAt: iso(item.learnedAt) ?? null,
      sharedAt: iso(item.sharedAt) ?? null,
      sharedHow: item.sharedHow ?? null,
      takeaways: item.takeaways,
      clips: item.clips.map((clip) => ({
        atSec: clip.atSec,
        chapter: clip.chapter ?? null,
        note: clip.note,
        url: clip.url ?? null,
      })),
      quotes: item.quotes.map((quote) => ({
        text: quote.text,
        note: quote.note,
        url: quote.url ?? null,
        where: quote.where ?? null,
      })),
      actions: item.actions.map((action) => ({
        text: action.text,
        status: action.status,
        followUpAt: iso(action.followUpAt) ?? null,
        outcome: action.outcome ?? null,
      })),
    })),
  };
}

/** The request bodies to post, in order (several only for Discord's 2,000-character limit). */
export function buildPayloads(service: WebhookService, digest: Digest): unknown[] {
  switch (service) {
    case 'slack':
      return [{ text: capChars(digestSlack(digest), TEXT_LIMIT) }];
    case 'mattermost':
      return [{ text: capChars(digestMarkdown(digest).trimEnd(), TEXT_LIMIT) }];
    case 'discord':
      // No pings: a title like "@everyone …" from a web page must not notify the channel.
      return splitMessage(digestMarkdown(digest)).map((content) => ({ content, allowed_mentions: { parse: [] } }));
    case 'teams':
      return [teamsPayload(digest)];
    case 'generic':
      return [genericPayload(digest)];
  }
}
