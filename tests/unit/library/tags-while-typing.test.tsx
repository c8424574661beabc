import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useResourceEditor } from '../../../components/library/useResourceEditor';
import { editResource, getResource, saveCapturedPage } from '../../../lib/app/resources';
import { parseTagInput } from '../../../lib/infra/limits';

// Issue #49, item 9: the library's Tags field is focused and typed in while the popup adds a tag
// to the same page. Tags merge as sets: the popup's addition stays, and a tag the library's user
// deletes from the field stays deleted.

const NOW = Date.UTC(2026, 11, 7, 10);
const page = {
  url: 'https://blog.example.org/tags',
  canonicalUrl: 'https://blog.example.org/tags',
  kind: 'article' as const,
  title: 'Tags',
};

let host: HTMLElement;
let editor: ReturnType<typeof useResourceEditor> | undefined;

/** The Tags field as the resource page draws it: saved as typed, through the page's editor. */
function TagsField({ id }: { id: string }) {
  const current = useResourceEditor(id);
  editor = current;
  if (!current.resource) return <p>loading</p>;
  return (
    <input
      aria-label="Tags"
      ref={current.fields.tags}
      value={current.tags}
      onInput={(e) => {
        current.setTags(e.currentTarget.value);
        void current.persist({ tags: parseTagInput(e.currentTarget.value) });
      }}
      onBlur={current.leaveTags}
    />
  );
}

const field = () => host.querySelector('input')!;

/** Types as a user does, one key and one autosave at a time. */
async function type(text: string) {
  for (const key of text) {
    await act(async () => {
      const input = field();
      input.value += key;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await vi.waitFor(() => expect(editor?.save.phase).toMatch(/saved|merged/));
  }
}

/** Deletes the field's text from `from` up to `to` (exclusive), as one edit. */
async function cut(from: number, to: number) {
  await act(async () => {
    const input = field();
    input.value = input.value.slice(0, from) + input.value.slice(to);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await vi.waitFor(() => expect(editor?.save.phase).toMatch(/saved|merged/));
}

const storedTags = async (id: string) => [...((await getResource(id))?.tags ?? [])].sort();

describe('the library’s Tags field while the popup adds a tag', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => {
    render(null, host);
    host.remove();
    editor = undefined;
    vi.useRealTimers();
  });

  async function openFocused() {
    const { resource } = await saveCapturedPage(page, {}, NOW);
    await act(async () => {
      render(<TagsField id={resource.id} />, host);
    });
    await vi.waitFor(() => expect(field()).toBeTruthy());
    field().focus();
    await type('libtag-r4x');
    expect(await storedTags(resource.id)).toEqual(['libtag-r4x']);
    return resource.id;
  }

  it('keeps the popup’s tag when the library types on in its focused field', async () => {
    const id = await openFocused();
    // The popup, open on the same page, adds a tag (its edit starts from what it read).
    await editResource(id, { tags: ['libtag-r4x', 'popuptag-t5x'] }, NOW, { tags: ['libtag-r4x'] });
    await type(', libtag-y6x');
    expect(await storedTags(id)).toEqual(['libtag-r4x', 'libtag-y6x', 'popuptag-t5x']);
    // The field was typed in and keeps what was typed; once left, it shows every stored tag.
    expect(field().value).toBe('libtag-r4x, libtag-y6x');
    await act(async () => field().blur());
    expect(field().value).toBe('libtag-r4x, popuptag-t5x, libtag-y6x');
  });

  it('a tag deleted from the field stays deleted, the popup’s addition stays added', async () => {
    const id = await openFocused();
    await editResource(id, { tags: ['libtag-r4x', 'popuptag-t5x'] }, NOW, { tags: ['libtag-r4x'] });
    await type(', libtag-y6x');
    // The user deletes their first tag from the field.
    await cut(0, 'libtag-r4x, '.length);
    expect(field().value).toBe('libtag-y6x');
    expect(await storedTags(id)).toEqual(['libtag-y6x', 'popuptag-t5x']);
  });

  it('after leaving the field, deleting the popup’s tag from it removes it', async () => {
    const id = await openFocused();
    await editResource(id, { tags: ['libtag-r4x', 'popuptag-t5x'] }, NOW, { tags: ['libtag-r4x'] });
    await type(', x');
    await act(async () => field().blur());
    expect(field().value).toBe('libtag-r4x, popuptag-t5x, x');
    field().focus();
    await cut('libtag-r4x'.length, 'libtag-r4x, popuptag-t5x'.length);
    expect(await storedTags(id)).toEqual(['libtag-r4x', 'x']);
  });
});
