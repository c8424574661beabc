import { describe, expect, it } from 'vitest';
import type { Digest } from '../../../lib/share/digest';
import { buildPayloads, DISCORD_LIMIT, splitMessage } from '../../../lib/share/payloads';
import type { WebhookService } from '../../../lib/settings';

const DIGEST: Digest = {
  kind: 'period',
  period: { start: Date.UTC(2025, 2, 3), end: Date.UTC(2025, 2, 10) },
  timeZone: 'UTC',
  learnedCount: 1,
  sharedCount: 1,
  items: [
    {
      id: 'talk',
      title: 'Tips & tricks <for> [teams] | part *1*',
      url: 'https://example.org/a|b',
      kind: 'video',
      site: 'YouTube',
      learnedAt: Date.UTC(2025, 2, 3),
      sharedAt: Date.UTC(2025, 2, 5),
      sharedHow: 'meeting',
      takeaways: ['Ask before telling'],
      clips: [
        {
          at: '12:34',
          atSec: 754,
          chapter: 'Shared vision',
          note: 'Dialogue, not slides',
          url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s',
        },
      ],
      quotes: [
        {
          text: '# Ship <b>small</b> & *often*, @everyone <!channel> [x](https://evil.example)',
          note: 'Try it > twice',
          url: 'https://example.org/a#:~:text=%23%20Ship%20%3Cb%3Esmall%3C%2Fb%3E',
        },
      ],
      actions: [{ text: 'Run a retro', status: 'done', outcome: 'Two blockers found' }],
    },
  ],
};

describe('webhook payloads per chat service', () => {
  it.each<[WebhookService, (bodies: unknown[]) => void]>([
    [
      'slack',
      (bodies) => {
        expect(bodies).toHaveLength(1);
        const { text } = bodies[0] as { text: string };
        expect(Object.keys(bodies[0] as object)).toEqual(['text']);
        // Slack mrkdwn, not Markdown: *bold*, <url|title>, entities for & < >.
        expect(text).toContain('*What I learned: 3');
        expect(text).toContain('*<https://example.org/a%7Cb|Tips &amp; tricks &lt;for&gt; [teams] ¦ part *1*>*');
        expect(text).toContain('• Ask before telling');
        expect(text).toContain('• Run a retro — done. Effect: Two blockers found');
        expect(text).toContain(
          '• <https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s|12:34> · Shared vision — Dialogue, not slides',
        );
        // Links in Slack's own form only (the quote's "[x](…)" is the page's text, shown as it is).
        expect(text).not.toMatch(/\]\(https:\/\/(?:www\.youtube|example\.org)/);
        // A quote is a mrkdwn blockquote; its control characters are entities, so no <!channel> ping.
        expect(text).toContain(
          '_Quotes_\n> # Ship &lt;b&gt;small&lt;/b&gt; &amp; *often*, @everyone &lt;!channel&gt; [x](https://evil.example)',
        );
        expect(text).toContain(
          '> — Try it &gt; twice · <https://example.org/a#:~:text=%23%20Ship%20%3Cb%3Esmall%3C%2Fb%3E|open at the quote>',
        );
        expect(text).not.toContain('<!channel>');
      },
    ],
    [
      'mattermost',
      (bodies) => {
        const { text } = bodies[0] as { text: string };
        expect(Object.keys(bodies[0] as object)).toEqual(['text']);
        expect(text).toContain('## [Tips & tricks \\<for\\> \\[teams\\] | part \\*1\\*](https://example.org/a|b)');
        expect(text).toContain('**Takeaways**');
        // A quote's text cannot become a heading, HTML or a link.
        expect(text).toContain(
          '**Quotes**\n\n> \\# Ship \\<b\\>small\\</b\\> & \\*often\\*, @everyone \\<!channel\\> \\[x\\](https://evil.example)\n>\n> — Try it \\> twice · [open at the quote](https://example.org/a#:~:text=%23%20Ship%20%3Cb%3Esmall%3C%2Fb%3E)',
        );
      },
    ],
    [
      'discord',
      (bodies) => {
        expect(bodies).toHaveLength(1);
        const body = bodies[0] as { content: string; allowed_mentions: { parse: string[] } };
        expect(body.content).toContain('## [Tips & tricks');
        expect(body.allowed_mentions).toEqual({ parse: [] });
        // @everyone inside a quote reaches the channel as text: Discord is told to ping no one.
        expect(body.content).toContain('> \\# Ship');
        expect(body.content).toContain('@everyone');
      },
    ],
    [
      'teams',
      (bodies) => {
        const body = bodies[0] as {
          type: string;
          attachments: {
            contentType: string;
            contentUrl: null;
            content: {
              type: string;
              version: string;
              body: { type: string; text?: string; items?: { text: string }[] }[];
            };
          }[];
        };
        expect(body.type).toBe('message');
        expect(body.attachments).toHaveLength(1);
        const card = body.attachments[0]!;
        expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
        expect(card.contentUrl).toBeNull();
        expect(card.content.type).toBe('AdaptiveCard');
        expect(card.content.version).toBe('1.4');
        expect(card.content.body[0]).toMatchObject({ type: 'TextBlock', weight: 'Bolder', size: 'Large' });
        const container = card.content.body.find((b) => b.type === 'Container')!;
        // Brackets in a title would start a link in card markdown: they become parentheses.
        expect(container.items![0]!.text).toBe('[Tips & tricks <for> (teams) | part *1*](https://example.org/a|b)');
        expect(container.items!.map((i) => i.text)).toContain('• Run a retro — done. Effect: Two blockers found');
        // A clip links to its second.
        expect(container.items!.map((i) => i.text)).toContain(
          '• [12:34](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s) · Shared vision — Dialogue, not slides',
        );
        // A quote's brackets cannot make a link in the card; its own link opens the page at it.
        expect(container.items!.map((i) => i.text)).toContain(
          '“# Ship <b>small</b> & *often*, @everyone <!channel> (x)(https://evil.example)” — Try it > twice · [open at the quote](https://example.org/a#:~:text=%23%20Ship%20%3Cb%3Esmall%3C%2Fb%3E)',
        );
      },
    ],
    [
      'generic',
      (bodies) => {
        const body = bodies[0] as { title: string; text: string; markdown: string; items: unknown[] };
        expect(Object.keys(body)).toEqual(['title', 'text', 'markdown', 'topic', 'items']);
        expect((body as { topic?: unknown }).topic).toBeNull();
        expect(body.title).toMatch(/^What I learned: 3/);
        expect(body.text).toContain('Tips & tricks <for> [teams] | part *1*\nhttps://example.org/a|b');
        expect(body.markdown).toContain('**Takeaways**');
        expect(body.markdown).toContain(
          '**Clips**\n\n- [12:34](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s) · Shared vision — Dialogue, not slides',
        );
        expect(body.text).toContain(
          'Clips:\n- 12:34 · Shared vision — Dialogue, not slides https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s',
        );
        expect(body.items).toEqual([
          {
            title: 'Tips & tricks <for> [teams] | part *1*',
            url: 'https://example.org/a|b',
            kind: 'video',
            site: 'YouTube',
            learnedAt: '2025-03-03T00:00:00.000Z',
            sharedAt: '2025-03-05T00:00:00.000Z',
            sharedHow: 'meeting',
            takeaways: ['Ask before telling'],
            clips: [
              {
                atSec: 754,
                chapter: 'Shared vision',
                note: 'Dialogue, not slides',
                url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=754s',
              },
            ],
            quotes: [
              {
                text: '# Ship <b>small</b> & *often*, @everyone <!channel> [x](https://evil.example)',
                note: 'Try it > twice',
                url: 'https://example.org/a#:~:text=%23%20Ship%20%3Cb%3Esmall%3C%2Fb%3E',
                where: null,
              },
            ],
            actions: [{ text: 'Run a retro', status: 'done', followUpAt: null, outcome: 'Two blockers found' }],
          },
        ]);
      },
    ],
  ])('%s', (service, check) => {
    check(buildPayloads(service, DIGEST));
  });

  it('Discord: a long digest is split into posts of at most 2,000 characters, losing nothing', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({
      ...DIGEST.items[0]!,
      id: `r${i}`,
      title: `Resource ${i}`,
      takeaways: [`Takeaway ${i}: ${'learning '.repeat(20)}`],
    }));
    const bodies = buildPayloads('discord', { ...DIGEST, items }) as { content: string }[];
    expect(bodies.length).toBeGreaterThan(1);
    for (const body of bodies) expect(body.content.length).toBeLessThanOrEqual(DISCORD_LIMIT);
    const joined = bodies.map((b) => b.content).join('\n\n');
    for (let i = 0; i < 40; i++) expect(joined).toContain(`[Resource ${i}]`);
  });
});

describe('splitMessage', () => {
  it('keeps short text whole', () => {
    expect(splitMessage('a\n\nb', 10)).toEqual(['a\n\nb']);
  });
  it('splits between paragraphs first', () => {
    expect(splitMessage('aaaa\n\nbbbb\n\ncccc', 10)).toEqual(['aaaa\n\nbbbb', 'cccc']);
  });
  it('then between lines of a long paragraph', () => {
    expect(splitMessage('aaaa\nbbbb\ncccc', 9)).toEqual(['aaaa\nbbbb', 'cccc']);
  });
  it('and inside a line only when it must, never inside a surrogate pair', () => {
    const pieces = splitMessage('😀'.repeat(6), 5);
    expect(pieces.join('')).toBe('😀'.repeat(6));
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(5);
      expect(piece).not.toMatch(/[\uD800-\uDBFF]$/);
    }
  });
});
