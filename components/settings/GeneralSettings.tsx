import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging';
import { t, type LanguageChoice } from '@/lib/i18n';
import { language, showThumbnails } from '@/lib/settings';

export function GeneralSettings() {
  const [choice, setChoice] = useState<LanguageChoice | null>(null);
  const [thumbs, setThumbs] = useState(true);
  useEffect(() => {
    void language.getValue().then(setChoice);
    void showThumbnails.getValue().then(setThumbs);
  }, []);

  const onLanguage = async (value: LanguageChoice) => {
    setChoice(value);
    await language.setValue(value);
    // Menus and notifications are made by the background: let it pick the language up.
    await sendMessage('languageChanged', undefined).catch(() => undefined);
    location.reload();
  };

  return (
    <section class="panel card" aria-labelledby="general-settings">
      <h2 id="general-settings">{t('settingsGeneral')}</h2>
      <div class="field">
        <label class="label" for="settings-language">{t('settingsLanguage')}</label>
        <select id="settings-language" class="input" value={choice ?? 'auto'} disabled={choice === null} onChange={(e) => void onLanguage(e.currentTarget.value as LanguageChoice)}>
          <option value="auto">{t('settingsLanguageAuto')}</option>
          <option value="en" lang="en">{t('languageNameEn')}</option>
          <option value="sv" lang="sv">{t('languageNameSv')}</option>
        </select>
      </div>
      <p class="small muted">{t('settingsLanguageHint')}</p>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={thumbs}
          onChange={(e) => {
            setThumbs(e.currentTarget.checked);
            void showThumbnails.setValue(e.currentTarget.checked);
          }}
        />
        {t('settingsThumbnails')}
      </label>
      <p class="small muted">{t('settingsPrivacy')}</p>
    </section>
  );
}
