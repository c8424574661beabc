import type { Route } from '@/lib/library/route';
import { t } from '@/lib/i18n';

// Placeholder: the feature that owns this section replaces this file.
export function ResourcesSection(_props: { route: Route }) {
  return <h1>{t('navResources')}</h1>;
}
