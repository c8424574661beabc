import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markBadge } from '../../lib/background/badge';
import { badgeReasons, badgeWords } from '../../lib/settings';

describe('markBadge', () => {
  it('keeps every reason when features mark it at the same moment', async () => {
    await Promise.all([
      markBadge('prompt', true),
      markBadge('follow-up', false),
      markBadge('backup', true),
      markBadge('assessment', false),
    ]);
    expect((await badgeReasons.getValue()).sort()).toEqual(['backup', 'prompt']);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
  });

  it('shows the most pressing reason and clears when none is left', async () => {
    await markBadge('backup', true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    await markBadge('prompt', true);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('?');
    await markBadge('prompt', false);
    await markBadge('backup', false);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('the tooltip says in words what is waiting, and goes back when nothing is', async () => {
    await markBadge('backup', true);
    expect(await fakeBrowser.action.getTitle({})).toBe('Learning Loop: Time to back up your library');
    await markBadge('follow-up', true);
    expect(await fakeBrowser.action.getTitle({})).toBe('Learning Loop: A follow-up is due');
    await markBadge('prompt', true);
    expect(await fakeBrowser.action.getTitle({})).toBe('Learning Loop: A reflection question is waiting');
    await Promise.all([markBadge('prompt', false), markBadge('follow-up', false), markBadge('backup', false)]);
    expect(await fakeBrowser.action.getTitle({})).toBe('Learning Loop: save this page');
  });

  it('keeps what a question or follow-up is about, its first words only, and drops them with the reason', async () => {
    const question = `What did you learn this week?${' And why?'.repeat(40)}`;
    await Promise.all([markBadge('prompt', true, question), markBadge('follow-up', true, 'Ask  QA\nbefore planning')]);
    const words = await badgeWords.getValue();
    expect(words.prompt).toBe(`${question.slice(0, 79)}…`);
    expect(words['follow-up']).toBe('Ask QA before planning');
    await markBadge('prompt', false);
    expect(await badgeWords.getValue()).toEqual({ 'follow-up': 'Ask QA before planning' });
    await markBadge('follow-up', false);
    expect(await badgeWords.getValue()).toEqual({});
  });
});
