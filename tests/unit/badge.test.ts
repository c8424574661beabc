import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markBadge } from '../../lib/background/badge';
import { badgeReasons } from '../../lib/settings';

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
});
