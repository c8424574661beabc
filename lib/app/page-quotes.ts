import { targetTab } from '../capture/target-tab';
import type { Resource } from '../model/resource';
import { highlightQuotesInTab, type QuotesOnPage } from '../quotes/in-tab';

export type { QuotesOnPage } from '../quotes/in-tab';

/**
 * The popup's tab is the saved page: its kept quotes are marked there (the user's click on the
 * toolbar button is the access, activeTab). Undefined when it has none or the tab cannot be marked.
 */
export async function showQuotesOnPage(resource: Pick<Resource, 'quotes'>): Promise<QuotesOnPage | undefined> {
  if (!resource.quotes?.length) return undefined;
  const tab = await targetTab(location.search);
  if (tab?.id === undefined) return undefined;
  return highlightQuotesInTab(tab.id, resource.quotes);
}
