import type { Route } from '@/lib/library/route';
import { t } from '@/lib/i18n';

// Placeholder: the feature that owns this section replaces this file.
export function JournalSection(_props: { route: Route }) {
  return <h1>{t('navJournal')}</h1>;
}
