import { useStorageItem } from '@/components/hooks/live';
import { saveSetting } from '@/lib/app/settings';
import { t, tn, type LanguageChoice } from '@/lib/i18n';
import { CLIP_SEGMENT_CHOICES, clipSegmentSeconds, language, pauseWhileTyping, showThumbnails } from '@/lib/settings';

export function GeneralSettings() {
  const choice = useStorageItem(language) ?? null;
  const thumbs = useStorageItem(showThumbnails) ?? true;
  const segment = useStorageItem(clipSegmentSeconds);
  const pause = useStorageItem(pauseWhileTyping) ?? true;

  const onLanguage = async (value: LanguageChoice) => {
    // Menus and notifications are the background's: the change tells it to pick the language up.
    await saveSetting('language', value);
    location.reload();
  };

  return (
    <section id="general" class="panel card" aria-labelledby="general-settings">
      <h2 id="general-settings" tabIndex={-1}>
        {t('settingsGeneral')}
      </h2>
      <div class="field">
        <label class="label" for="settings-language">
          {t('settingsLanguage')}
        </label>
        <select
          id="settings-language"
          class="input"
          value={choice ?? 'auto'}
          disabled={choice === null}
          onChange={(e) => void onLanguage(e.currentTarget.value as LanguageChoice)}
        >
          <option value="auto">{t('settingsLanguageAuto')}</option>
          <option value="en" lang="en">
            {t('languageNameEn')}
          </option>
          <option value="sv" lang="sv">
            {t('languageNameSv')}
          </option>
        </select>
      </div>
      <p class="small muted">{t('settingsLanguageHint')}</p>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={thumbs}
          onChange={(e) => void saveSetting('showThumbnails', e.currentTarget.checked)}
        />
        {t('settingsThumbnails')}
      </label>
      <p class="small muted">{t('settingsPrivacy')}</p>
      <div class="field">
        <label class="label" for="settings-clip-segment">
          {t('settingsClipSegment')}
        </label>
        <select
          id="settings-clip-segment"
          class="input"
          value={String(segment ?? 30)}
          disabled={segment === undefined}
          onChange={(e) => void saveSetting('clipSegmentSeconds', Number(e.currentTarget.value))}
        >
          {CLIP_SEGMENT_CHOICES.map((seconds) => (
            <option key={seconds} value={String(seconds)}>
              {tn('settingsClipSegmentSeconds', seconds)}
            </option>
          ))}
        </select>
      </div>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={pause}
          onChange={(e) => void saveSetting('pauseWhileTyping', e.currentTarget.checked)}
        />
        {t('settingsPauseWhileTyping')}
      </label>
    </section>
  );
}
