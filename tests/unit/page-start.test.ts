import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LANGUAGE_MIRROR_KEY, startPage } from '../../lib/pages/page-start';
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

  it('in a chosen language it renders from the mirror and checks the setting only after the page’s first question', async () => {
    localStorage.setItem(LANGUAGE_MIRROR_KEY, 'sv');
    const fetched = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}'));
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => undefined);
    const read = vi.spyOn(language, 'getValue').mockResolvedValue('en');
    let answered: () => void = () => undefined;
    await startPage(() => new Promise<void>((resolve) => (answered = resolve)));
    expect(fetched).toHaveBeenCalledWith(expect.stringContaining('/_locales/sv/messages.json'));
    expect(document.documentElement.lang).toBe('sv');
    // Nothing read the setting while the first question was open.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(read).not.toHaveBeenCalled();
    answered();
    await vi.waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(localStorage.getItem(LANGUAGE_MIRROR_KEY)).toBe('en');
    vi.restoreAllMocks();
  });

  it('a mirror that still holds reloads nothing', async () => {
    await language.setValue('sv');
    localStorage.setItem(LANGUAGE_MIRROR_KEY, 'sv');
    const fetched = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('{}'));
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => undefined);
    const read = vi.spyOn(language, 'getValue');
    await startPage();
    await vi.waitFor(() => expect(read).toHaveBeenCalled());
    await read.mock.results[0]!.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reload).not.toHaveBeenCalled();
    expect(fetched).toHaveBeenCalledTimes(1);
    vi.restoreAllMocks();
  });
});
