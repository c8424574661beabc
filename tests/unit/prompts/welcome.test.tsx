import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WelcomeSection } from '../../../components/library/WelcomeSection';
import { addReflection } from '../../../lib/db/reflections';

// The welcome page tells the truth about the prompts: the first one, or, once answered, the next.

describe('the welcome page', () => {
  let root: HTMLElement;
  afterEach(() => {
    render(null, root);
    root.remove();
  });

  const mount = async () => {
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<WelcomeSection />, root);
    });
    return () => root.querySelector('.welcome-next')?.textContent ?? '';
  };

  it('before any answer it announces the first prompt, under a heading that does not repeat it', async () => {
    const next = await mount();
    await vi.waitFor(() => expect(next()).toMatch(/^The first prompt comes on /));
    expect(root.querySelector('#welcome-prompt-heading')?.textContent).toBe('Reflection prompts');
  });

  it('after an answer it says when the next one comes', async () => {
    await addReflection({ promptId: 'followUpWentWell', promptText: 'What went well?', answer: 'The retro.' });
    const next = await mount();
    await vi.waitFor(() => expect(next()).toMatch(/^The next prompt comes on /));
  });
});
