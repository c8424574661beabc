import type { WebhookService } from '../settings';
import type { Digest } from './digest';
import { buildPayloads } from './payloads';

/** One line of a Teams card as the chat shows it. */
export interface CardLine {
  text: string;
  bold: boolean;
  subtle: boolean;
  large: boolean;
  /** A new item starts here (the card draws a rule). */
  separated: boolean;
}

/** What a chat service is sent, in a shape the preview can draw. */
export type ChatPreview =
  | { kind: 'text'; parts: string[] }
  | { kind: 'card'; lines: CardLine[] }
  | { kind: 'json'; text: string };

interface TextBlock {
  type: 'TextBlock';
  text: string;
  weight?: string;
  isSubtle?: boolean;
  size?: string;
}
interface Container {
  type: 'Container';
  separator?: boolean;
  items: (TextBlock | Container)[];
}

function cardLines(blocks: readonly (TextBlock | Container)[], separated = false): CardLine[] {
  return blocks.flatMap((block, index) =>
    block.type === 'Container'
      ? cardLines(block.items, block.separator === true)
      : [
          {
            text: block.text,
            bold: block.weight === 'Bolder',
            subtle: block.isSubtle === true,
            large: block.size === 'Large',
            separated: separated && index === 0,
          },
        ],
  );
}

/**
 * The digest as `service` receives it, built from the very payloads a post sends: Slack's mrkdwn,
 * Discord's messages of 2,000 characters, Teams' card, the generic JSON.
 */
export function chatPreview(service: WebhookService, digest: Digest): ChatPreview {
  const payloads = buildPayloads(service, digest);
  switch (service) {
    case 'slack':
    case 'mattermost':
      return { kind: 'text', parts: payloads.map((payload) => (payload as { text: string }).text) };
    case 'discord':
      return { kind: 'text', parts: payloads.map((payload) => (payload as { content: string }).content) };
    case 'teams': {
      const card = payloads[0] as { attachments: { content: { body: (TextBlock | Container)[] } }[] };
      return { kind: 'card', lines: cardLines(card.attachments[0]?.content.body ?? []) };
    }
    case 'generic':
      return { kind: 'json', text: JSON.stringify(payloads[0], null, 2) };
  }
}

/** "[Title](https://…)" in card text, split so the preview shows the title as a link does. */
export function splitCardLinks(text: string): { text: string; url?: string }[] {
  const out: { text: string; url?: string }[] = [];
  let last = 0;
  for (const match of text.matchAll(/\[([^\]]*)\]\(([^)\s]+)\)/g)) {
    if (match.index > last) out.push({ text: text.slice(last, match.index) });
    out.push({ text: match[1]!, url: match[2]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}
