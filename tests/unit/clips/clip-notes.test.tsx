import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClipBox } from '../../../components/popup/ClipBox';
import { ResourceClips } from '../../../components/library/ResourceClips';
import { addClip, getResource } from '../../../lib/app/resources';
import type { CapturedPage } from '../../../lib/model/captured-page';
import type { Clip } from '../../../lib/model/clip';
import { saveResource } from '../../../lib/db/resources';
import * as messaging from '../../../lib/messaging-transport';
import { resource } from '../library/records';

// A clip's note is the user's own words about a moment: several lines, shown whole wherever the
// clip is listed ("Setting Up the Development Envir…" cut off in a one-line box was the bug).

const NOTE = 'Setting Up the Development Environment: clone, then npm ci\nand run the tests before the first change';

const talk: CapturedPage = {
  url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  canonicalUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
  kind: 'video',
  title: 'Contributing to GitLab',
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
const press = async (target: Element, key: string, shiftKey = false) => {
  const event = new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true });
  await act(async () => {
    target.dispatchEvent(event);
  });
  return event;
};
const type = async (box: HTMLTextAreaElement | HTMLInputElement, value: string) =>
  act(async () => {
    box.value = value;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });

beforeEach(() => {
  vi.spyOn(messaging, 'sendMessage').mockResolvedValue(undefined as never);
});
afterEach(() => {
  render(null, host);
  host.remove();
});

describe('a clip note in the popup', () => {
  it('is shown whole, line breaks and all, and Enter leaves it for the next note', async () => {
    const { resource: saved } = await saveResource(talk);
    await addClip(saved.id, { id: 'c1', atSec: 95, note: NOTE, createdAt: Date.now() - 60_000 });
    const stored = (await getResource(saved.id))!;
    await mount(<ClipBox page={talk} saved={stored} ensureSaved={async () => stored} />);
    await vi.waitFor(() => expect(host.querySelector('[aria-label="Note of the clip at 1:35"]')).not.toBeNull());
    const note = host.querySelector<HTMLTextAreaElement>('[aria-label="Note of the clip at 1:35"]')!;
    expect(note.tagName).toBe('TEXTAREA');
    expect(note.value).toBe(NOTE);

    // Shift+Enter is the textarea's own line break; Enter is done with the note.
    note.focus();
    expect((await press(note, 'Enter', true)).defaultPrevented).toBe(false);
    expect((await press(note, 'Enter')).defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(host.querySelector('.clip-box label textarea'));
  });

  it('edited into two lines, it is stored with both', async () => {
    const { resource: saved } = await saveResource(talk);
    await addClip(saved.id, { id: 'c1', atSec: 95, note: 'Why slides fail', createdAt: Date.now() - 60_000 });
    const stored = (await getResource(saved.id))!;
    await mount(<ClipBox page={talk} saved={stored} ensureSaved={async () => stored} />);
    await vi.waitFor(() => expect(host.querySelector('.clip-item textarea')).not.toBeNull());
    const note = host.querySelector<HTMLTextAreaElement>('.clip-item textarea')!;
    note.focus();
    await type(note, 'Why slides fail\nand what to show instead');
    await vi.waitFor(async () =>
      expect((await getResource(saved.id))?.clips[0]?.note).toBe('Why slides fail\nand what to show instead'),
    );
  });
});

describe('a clip note in the library', () => {
  const video = resource({
    id: 'talk',
    kind: 'video',
    title: 'Contributing to GitLab',
    url: talk.url,
    videoId: 'dQw4w9WgXcQ',
    durationSec: 2537,
  });
  const clip: Clip = { id: 'c1', atSec: 754, note: NOTE, createdAt: 1 };

  it('is shown whole on the resource page, and edits keep its lines', async () => {
    const onChange = vi.fn();
    await mount(<ResourceClips resource={video} clips={[clip]} onChange={onChange} />);
    const note = host.querySelector<HTMLTextAreaElement>('[aria-label="Note at 12:34"]')!;
    expect(note.tagName).toBe('TEXTAREA');
    expect(note.value).toBe(NOTE);
    await type(note, `${NOTE}\nThird line`);
    expect(onChange).toHaveBeenLastCalledWith([{ ...clip, note: `${NOTE}\nThird line` }]);
  });

  it('a new clip takes a note of several lines; Enter adds it, Shift+Enter does not', async () => {
    const onChange = vi.fn();
    await mount(<ResourceClips resource={video} clips={[]} onChange={onChange} />);
    const time = host.querySelector<HTMLInputElement>('.res-stamp-at input')!;
    const note = host.querySelector<HTMLTextAreaElement>('.res-stamp-text textarea')!;
    expect(note).not.toBeNull();
    await type(time, '3:00');
    await type(note, 'First line\nsecond line');
    expect((await press(note, 'Enter', true)).defaultPrevented).toBe(false);
    expect(onChange).not.toHaveBeenCalled();
    await press(note, 'Enter');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0]![0]).toMatchObject([{ atSec: 180, note: 'First line\nsecond line' }]);
  });
});
