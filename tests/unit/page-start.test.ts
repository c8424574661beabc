import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_MIRROR_KEY, startPage } from '../../lib/page-start';
import { language } from '../../lib/settings';

describe('startPage', () => {
  beforeEach(() => localStorage.clear());

  it('remembers the language choice it read, for the next page', async () => {
    await language.setValue('sv');
    const fetched = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}'));
    await startPage();
    expect(fetched).toHaveBeenCalledWith(expect.stringContaining('/_locales/sv/messages.json'));
    fetched.mockRestore();
    expect(localStorage.getItem(LANGUAGE_MIRROR_KEY)).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
  });

  it('in the browser’s language it does not wait for the setting; a changed setting reloads the page once', async () => {
    localStorage.setItem(LANGUAGE_MIRROR_KEY, 'auto');
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => undefined);
    let answer: (value: 'auto' | 'en' | 'sv') => void = () => undefined;
    vi.spyOn(language, 'getValue').mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    await startPage();
    expect(reload).not.toHaveBeenCalled();
    answer('sv');
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(localStorage.getItem(LANGUAGE_MIRROR_KEY)).toBe('sv');
    vi.restoreAllMocks();
  });
});
