import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMAND_OPEN_PANEL } from '../../../lib/background/names';
import { settle, startBackground } from '../background-harness';
import type { FakeMenusAndCommands } from '../setup';

// The panel's shortcut: the browser opens the panel only while it still sees the key press, so the
// open call is made before anything is awaited.

const fake = fakeBrowser as unknown as FakeMenusAndCommands;
const tab = { id: 7, windowId: 3, url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', index: 0 } as never;

describe('the open-panel shortcut', () => {
  let stop: () => void = () => undefined;
  const open = vi.fn(async (_options: { windowId: number }) => undefined);
  beforeEach(async () => {
    (fakeBrowser as unknown as { sidePanel?: unknown }).sidePanel = { open };
    open.mockClear();
    stop = startBackground();
    await settle();
  });
  afterEach(() => {
    stop();
    delete (fakeBrowser as unknown as { sidePanel?: unknown }).sidePanel;
  });

  it('opens the panel in the tab’s window at once, before any await', async () => {
    const fired = fake.commands.onCommand.trigger(COMMAND_OPEN_PANEL, tab);
    // Not awaited yet: the call happened inside the event's own turn.
    expect(open).toHaveBeenCalledWith({ windowId: 3 });
    await fired;
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
  });
});
