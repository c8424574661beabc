import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';
import { routeHash } from '@/lib/routes';

const DEFAULT_SHORTCUT = 'Alt+Shift+S';
const MARK = '\u2063';

/** The shortcut the user actually has (it can be changed in the browser's shortcut settings). */
function useSaveShortcut(): string {
  const [shortcut, setShortcut] = useState(DEFAULT_SHORTCUT);
  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((commands) => {
        const found = commands.find((c) => c.name === 'save-page')?.shortcut;
        if (found) setShortcut(found);
      })
      .catch(() => undefined);
  }, []);
  return shortcut;
}

/** A first visit teaches the three ways to save, and import for people who come with a list. */
export function ResourceEmpty() {
  const shortcut = useSaveShortcut();
  const [before = '', after = ''] = t('libEmptyShortcut', MARK).split(MARK);
  const keys = shortcut.split('+');
  return (
    <section class="res-empty card" aria-labelledby="res-empty-title">
      <div class="res-empty-head">
        {/* An SVG, not an emoji: Linux without an emoji font shows a box. */}
        <svg class="res-empty-icon" viewBox="0 0 48 48" width="44" height="44" aria-hidden="true">
          <rect x="6" y="8" width="9" height="32" rx="2" fill="currentColor" opacity="0.85" />
          <rect x="17" y="12" width="9" height="28" rx="2" fill="currentColor" opacity="0.6" />
          <rect
            x="28"
            y="9"
            width="8"
            height="31"
            rx="2"
            fill="currentColor"
            opacity="0.75"
            transform="rotate(-12 32 24)"
          />
          <rect x="4" y="40" width="40" height="3" rx="1.5" fill="currentColor" opacity="0.5" />
        </svg>
        <div>
          <h2 id="res-empty-title">{t('libEmptyTitle')}</h2>
          <p class="muted">{t('libEmptyIntro')}</p>
        </div>
      </div>
      <ol class="res-empty-steps">
        <li>
          <strong>{t('libEmptyToolbarTitle')}</strong>
          <span>{t('libEmptyToolbar', t('popupSavePage'))}</span>
        </li>
        <li>
          <strong>{t('libEmptyShortcutTitle')}</strong>
          <span>
            {before}
            {keys.map((key, i) => (
              <span key={i}>
                {i > 0 && '+'}
                <kbd>{key}</kbd>
              </span>
            ))}
            {after}
          </span>
        </li>
        <li>
          <strong>{t('libEmptyMenuTitle')}</strong>
          <span>{t('libEmptyMenu', t('menuSavePage'))}</span>
        </li>
        <li>
          <strong>{t('libEmptyImportTitle')}</strong>
          <span>
            {t('libEmptyImport')} <a href={routeHash('settings', 'backup')}>{t('libEmptyImportLink')}</a>
          </span>
        </li>
      </ol>
      <p class="small muted">{t('libEmptyPrivacy')}</p>
    </section>
  );
}
