import { currentLanguage, LANGUAGE_CHOICES, type LanguageChoice, loadLanguage } from './i18n';

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

/** Everything an extension page needs before its first render: the chosen language. */
export async function startPage(): Promise<void> {
  const mirrored = mirroredLanguage();
  // The settings module loads beside the first render, not before it (it holds every schema).
  const stored = import('./settings').then((settings) => settings.language.getValue());
  if (mirrored === 'auto') {
    document.documentElement.lang = currentLanguage();
    void stored.then((choice) => {
      if (choice === mirrored) return;
      mirror(choice);
      location.reload();
    });
    return;
  }
  const choice = await stored;
  mirror(choice);
  await loadLanguage(choice);
  document.documentElement.lang = currentLanguage();
}
