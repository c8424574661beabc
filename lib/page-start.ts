import * as v from 'valibot';
import { currentLanguage, type LanguageChoice, loadLanguage } from './i18n';
import { language, languageSchema } from './settings';

/**
 * The language choice as the last page saw it, kept in localStorage (read synchronously) so a page
 * in the browser's own language renders without waiting for the settings storage. The setting
 * itself stays the truth: a page that finds it changed behind the mirror reloads once.
 */
export const LANGUAGE_MIRROR_KEY = 'learning-loop:language';

function mirroredLanguage(): LanguageChoice | null {
  try {
    const parsed = v.safeParse(languageSchema, globalThis.localStorage?.getItem(LANGUAGE_MIRROR_KEY));
    return parsed.success ? parsed.output : null;
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
  const stored = language.getValue();
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
