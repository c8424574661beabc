import { loadLanguage, currentLanguage } from './i18n';
import { language } from './settings';

/** Everything an extension page needs before its first render: the chosen language. */
export async function startPage(): Promise<void> {
  await loadLanguage(await language.getValue());
  document.documentElement.lang = currentLanguage();
}
