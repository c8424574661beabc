import { t } from '@/lib/i18n';

// Placeholder: the prompts feature replaces this file.
export function WelcomeSection() {
  return <h1>{t('extName')}</h1>;
}
