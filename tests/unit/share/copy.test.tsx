import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DigestPanel } from '../../../components/team/DigestPanel';
import { copyText } from '../../../lib/share/copy';
import { seed } from './seed';

describe('copyText', () => {
  it('writes the text and reports success', async () => {
    const writeText = vi.fn(async () => undefined);
    expect(await copyText('# Digest', { writeText })).toBe(true);
    expect(writeText).toHaveBeenCalledWith('# Digest');
  });
  it('a refused clipboard is a false, not an exception', async () => {
    expect(
      await copyText('x', {
        writeText: vi.fn(async () => Promise.reject(new DOMException('denied', 'NotAllowedError'))),
      }),
    ).toBe(false);
    expect(await copyText('x', null)).toBe(false);
  });
});

describe('the Copy button of the team digest', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  async function mount(writeText: (text: string) => Promise<void>) {
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<DigestPanel hook={null} clipboard={{ writeText }} />, root);
    });
    await vi.waitFor(() => expect(root.querySelector('pre')!.textContent).toMatch(/^# What I learned: /));
    return [...root.querySelectorAll('button')].find((b) => b.textContent === 'Copy')!;
  }

  it('copies exactly the Markdown in the preview and shows "Copied"', async () => {
    await seed();
    const writeText = vi.fn(async (_text: string) => undefined);
    const copy = await mount(writeText);
    await act(async () => {
      copy.click();
    });
    await vi.waitFor(() => expect(root.querySelector('[role="status"].copy-status')!.textContent).toBe('Copied'));
    expect(writeText).toHaveBeenCalledWith(root.querySelector('pre')!.textContent);
  });

  it('when the clipboard refuses, says how to copy by hand and keeps the preview', async () => {
    const copy = await mount(async () => {
      throw new DOMException('denied', 'NotAllowedError');
    });
    const preview = root.querySelector('pre')!.textContent;
    await act(async () => {
      copy.click();
    });
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')!.textContent).toContain('Could not copy'));
    expect(root.querySelector('pre')!.textContent).toBe(preview);
  });
});
