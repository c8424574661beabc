import { currentLanguage, LANGUAGE_CHOICES, type LanguageChoice, loadLanguage } from '../i18n';

/**
 * The language choice as the last page saw it, kept in localStorage (read synchronously) so a page
 * in the browser's own language renders without waiting for the settings storage. The setting
 * itself stays the truth: a page that finds it changed behind the mirror reloads once.
 */
export const LANGUAGE_MIRROR_KEY = 'learning-loop:language';

function mirroredLanguage(): LanguageChoice | null {
  try {
    const mirrored = globalThis.localStorage?.getItem(LANGUAGE_MIRROR_KEY);
    return LANGUAGE_CHOICES.find((choice) => choice === mirrored) ?? null;
  } catch {
    return null;
  }
}

function mirror(choice: LanguageChoice): void {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_MIRROR_KEY, choice);
  } catch {
    // Without the mirror every page waits for the setting, as before.
  }
}

/**
 * Everything an extension page needs before its first render: the chosen language. With a mirror,
 * the page renders in the mirrored language at once and checks the setting afterwards, once
 * `checkAfter` resolves (the popup: after Save's one question, whose answer the check would
 * otherwise queue beside).
 */
export async function startPage(checkAfter: () => Promise<void> = () => Promise.resolve()): Promise<void> {
  // The settings module loads after the first render, not before it (it holds every schema).
  const stored = () => import('../settings').then((settings) => settings.language.getValue());
  const mirrored = mirroredLanguage();
  if (mirrored !== null) {
    if (mirrored !== 'auto') await loadLanguage(mirrored);
    document.documentElement.lang = currentLanguage();
    void checkAfter()
      .then(stored)
      .then((choice) => {
        if (choice === mirrored) return;
        mirror(choice);
        location.reload();
      });
    return;
  }
  const choice = await stored();
  mirror(choice);
  await loadLanguage(choice);
  document.documentElement.lang = currentLanguage();
}
