import { ActivityForm } from '@/components/activities/ActivityForm';
import { t } from '@/lib/i18n';
import { routeHash } from '@/lib/routes';
import { resourcesListHash } from './ResourcesSection';

/** `#log`: the whole form for learning with no link; logged, it opens on its own page. */
export function LogSection() {
  return (
    <div class="stack log-section">
      <a class="res-back" href={resourcesListHash()}>
        {t('libBackToList')}
      </a>
      <div class="section-head">
        <h1>{t('libLogTitle')}</h1>
      </div>
      <p class="muted">{t('libLogIntro')}</p>
      <section class="card panel">
        <ActivityForm
          full
          idPrefix="log"
          onLogged={(resource) => {
            location.hash = routeHash('resource', resource.id);
          }}
        />
      </section>
    </div>
  );
}
