import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { takeawaysFromText } from '../../../lib/model/takeaway-text';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { collectDigest, collectResourceDigest } from '../../../lib/app/share-reads';
import { digestFileName, digestMarkdown, digestText, takeawayLines } from '../../../lib/share/digest';
import { ARTICLE, seed, TALK, utc, WEEK } from './seed';

const FIXTURES = join(import.meta.dirname, '../../fixtures/digest');

/** Compare with tests/fixtures/digest/<name>; UPDATE_GOLDEN=1 rewrites it (then review the diff). */
function golden(name: string, actual: string): void {
  const path = join(FIXTURES, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe('team digest from stored data', () => {
  beforeEach(seed);

  it('a week: learned and shared resources with links, takeaways and the actions from them', async () => {
    const digest = await collectDigest(WEEK, { timeZone: 'UTC' });
    expect(digest.items.map((i) => i.id)).toEqual(['talk', 'article', 'shared-old', 'unsafe']);
    expect(digest.learnedCount).toBe(3);
    expect(digest.sharedCount).toBe(2);
    golden('week.md', digestMarkdown(digest));
  });

  it('the same week as plain text', async () => {
    golden('week.txt', digestText(await collectDigest(WEEK, { timeZone: 'UTC' })));
  });

  it('a period with nothing in it says so', async () => {
    golden(
      'empty.md',
      digestMarkdown(await collectDigest({ start: utc(2024, 1, 1), end: utc(2024, 1, 8) }, { timeZone: 'UTC' })),
    );
  });

  it('one resource on its own', async () => {
    golden('resource.md', digestMarkdown(await collectResourceDigest(TALK, { timeZone: 'UTC' })));
  });

  it('page titles cannot inject links or markup; URLs cannot break out of the link', async () => {
    const markdown = digestMarkdown(await collectResourceDigest(ARTICLE, { timeZone: 'UTC' }));
    expect(markdown).toContain(
      '## [Why \\*most\\* retros fail\\_ \\<b\\>really\\</b\\>](https://blog.example.org/retros%20%28part%29?x=1)',
    );
  });

  it('only http(s) URLs become links', async () => {
    const markdown = digestMarkdown(await collectDigest(WEEK, { timeZone: 'UTC' }));
    expect(markdown).not.toContain('javascript:');
    expect(markdown).toContain('## Local file\n');
  });

  it('file name carries the period start', async () => {
    expect(
      digestFileName(
        await collectDigest({ start: new Date(2025, 2, 3).getTime(), end: new Date(2025, 2, 10).getTime() }),
      ),
    ).toBe('learning-digest-2025-03-03.md');
  });
});

describe('takeawayLines', () => {
  it.each([
    ['- a\n* b\n• c\n1. d\n2) e', ['a', 'b', 'c', 'd', 'e']],
    ['one paragraph', ['one paragraph']],
    ['\n\n  \n', []],
  ])('%j', (input, expected) => {
    expect(takeawayLines(takeawaysFromText(input, 1))).toEqual(expected);
  });
});
