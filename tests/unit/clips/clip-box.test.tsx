import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipBox } from '../../../components/popup/ClipBox';
import { addClip, getResource } from '../../../lib/app/resources';
import type { CapturedPage } from '../../../lib/model/captured-page';
import { saveResource } from '../../../lib/db/resources';
import * as messaging from '../../../lib/messaging-transport';
import { readDraft, writeDraft } from '../../../lib/pages/drafts';

// The popup's clip box, rendered: the moment a note is stamped with, and the popup opened by the
// keyboard command landing on the note of the clip it just made.

const talk: CapturedPage = {
  url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  canonicalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  kind: 'video',
  title: 'The Fifth Discipline in practice',
  videoId: 'dQw4w9WgXcQ',
  durationSec: 2537,
  positionSec: 95,
};
let host: HTMLElement;
async function mount(node: preact.ComponentChild) {
  host = document.createElement('div');
  document.body.append(host);
  await act(async () => {
    render(node, host);
  });
}
const until = (check: () => boolean) => vi.waitFor(() => expect(check()).toBe(true));
beforeEach(() => {
  vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('ClipBox', () => {
  it('opened right after "Clip this moment": focus is on that clip’s note, and typing there saves it', async () => {
    const { resource } = await saveResource(talk);
    await addClip(resource.id, { id: 'fresh', atSec: 95, note: '', createdAt: Date.now() });
    const saved = (await getResource(resource.id))!;
    await mount(<ClipBox page={talk} saved={saved} ensureSaved={async () => saved} />);
    await until(() => document.activeElement?.getAttribute('aria-label') === 'Note of the clip at 1:35');
    const input = document.activeElement as HTMLInputElement;
    await act(async () => {
      input.value = 'Why slides fail';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await vi.waitFor(async () => expect((await getResource(resource.id))?.clips[0]?.note).toBe('Why slides fail'));
  });

  it('a clip note half-typed when the popup closed comes back, at the moment it was started', async () => {
    // The popup closed while the user typed at 1:35; the video played on to 5:00.
    writeDraft(`clip:${talk.canonicalUrl}`, { note: 'Why slides', clipAt: 95 });
    await mount(<ClipBox page={{ ...talk, positionSec: 300 }} saved={null} ensureSaved={async () => null} />);
    const box = host.querySelector('textarea')!;
    expect(box.value).toBe('Why slides');
    expect(host.querySelector('label span')!.textContent).toBe('Note at 1:35');
    // Typing on keeps that moment (it does not drift to where the video is now).
    await act(async () => {
      box.value = 'Why slides fail';
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(readDraft(`clip:${talk.canonicalUrl}`)).toMatchObject({ note: 'Why slides fail', clipAt: 95 });
  });

  it('an older clip, or one with a note, takes no focus', async () => {
    const { resource } = await saveResource(talk);
    await addClip(resource.id, { id: 'old', atSec: 95, note: '', createdAt: Date.now() - 60_000 });
    const saved = (await getResource(resource.id))!;
    await mount(<ClipBox page={talk} saved={saved} ensureSaved={async () => saved} />);
    await until(() => host.querySelectorAll('.clip-item').length === 1);
    expect(document.activeElement?.getAttribute('aria-label')).not.toBe('Note of the clip at 1:35');
  });
});
