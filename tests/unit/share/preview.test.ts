import { beforeEach, describe, expect, it } from 'vitest';
import { collectDigest } from '../../../lib/app/share-reads';
import { digestMarkdown, digestSlack } from '../../../lib/share/digest';
import { buildPayloads, DISCORD_LIMIT } from '../../../lib/share/payloads';
import { chatPreview, splitCardLinks } from '../../../lib/share/preview';
import { seed, WEEK } from './seed';

// The digest preview shows what the chosen chat is sent, built from the payloads a post sends.

describe('the digest as each chat gets it', () => {
  beforeEach(seed);

  it('Slack: its mrkdwn, not the Markdown that Copy gives', async () => {
    const digest = await collectDigest(WEEK, { timeZone: 'UTC' });
    const preview = chatPreview('slack', digest);
    expect(preview).toEqual({ kind: 'text', parts: [digestSlack(digest)] });
    expect(digestSlack(digest)).not.toBe(digestMarkdown(digest));
    expect(preview.kind === 'text' && preview.parts[0]).toMatch(/\*<https:\/\/[^|]+\|[^>]+>\*/);
  });

  it('Mattermost and Discord: Markdown, Discord in the messages it is split into', async () => {
    const digest = await collectDigest(WEEK, { timeZone: 'UTC' });
    expect(chatPreview('mattermost', digest)).toEqual({ kind: 'text', parts: [digestMarkdown(digest).trimEnd()] });
    const long = { ...digest, items: Array.from({ length: 12 }, () => digest.items).flat() };
    const discord = chatPreview('discord', long);
    expect(discord.kind).toBe('text');
    const parts = discord.kind === 'text' ? discord.parts : [];
    expect(parts.length).toBeGreaterThan(1);
    expect(parts).toEqual(buildPayloads('discord', long).map((p) => (p as { content: string }).content));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(DISCORD_LIMIT);
  });

  it('Teams: the card, line by line, with each item under a rule', async () => {
    const digest = await collectDigest(WEEK, { timeZone: 'UTC' });
    const preview = chatPreview('teams', digest);
    if (preview.kind !== 'card') throw new Error(`not a card: ${preview.kind}`);
    expect(preview.lines[0]).toMatchObject({ large: true, bold: true });
    expect(preview.lines[0]!.text).toMatch(/^What I learned: /);
    expect(preview.lines.filter((line) => line.separated)).toHaveLength(digest.items.length);
    const titles = preview.lines.filter((line) => line.separated).map((line) => splitCardLinks(line.text)[0]!.text);
    expect(titles).toEqual(digest.items.map((item) => item.title.replace(/\[/g, '(').replace(/\]/g, ')')));
  });

  it('generic: the JSON body itself', async () => {
    const digest = await collectDigest(WEEK, { timeZone: 'UTC' });
    const preview = chatPreview('generic', digest);
    expect(preview.kind).toBe('json');
    expect(JSON.parse(preview.kind === 'json' ? preview.text : '')).toEqual(buildPayloads('generic', digest)[0]);
  });
});

describe('links in card text', () => {
  it.each([
    ['plain', [{ text: 'plain' }]],
    ['[Talk](https://x.test/a)', [{ text: 'Talk', url: 'https://x.test/a' }]],
    [
      '• [12:34](https://y.test/?t=754) · note',
      [{ text: '• ' }, { text: '12:34', url: 'https://y.test/?t=754' }, { text: ' · note' }],
    ],
    ['[not a link] (x)', [{ text: '[not a link] (x)' }]],
  ])('%s', (text, pieces) => {
    expect(splitCardLinks(text)).toEqual(pieces);
  });
});

describe('the learning-environment topic in the digest', () => {
  beforeEach(seed);
  const topic = { name: 'Time to learn', score: 2, suggestion: 'Agree when the team learns: a fixed hour a week.' };
  const line = 'To talk about at the next team meeting: Time to learn (2 of 5 in my latest monthly check)';

  it('goes into every format a digest is written in, and only when added', async () => {
    const digest = await collectDigest(WEEK, { timeZone: 'UTC', topic });
    expect(digestMarkdown(digest)).toContain(`**${line}**\n\n${topic.suggestion}\n`);
    expect(digestSlack(digest)).toContain(`*${line}*\n${topic.suggestion}\n`);
    const card = chatPreview('teams', digest);
    expect(card.kind === 'card' && card.lines.map((l) => l.text)).toEqual(
      expect.arrayContaining([line, topic.suggestion]),
    );
    expect((buildPayloads('generic', digest)[0] as { topic: unknown }).topic).toEqual(topic);
    const without = await collectDigest(WEEK, { timeZone: 'UTC' });
    expect(digestMarkdown(without)).not.toContain('To talk about');
  });
});
