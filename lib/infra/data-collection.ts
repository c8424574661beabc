/**
 * The kinds of data, in Firefox's consent categories
 * (https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/), that each
 * feature sends off the device. Nothing leaves until the user turns a feature on, so the Firefox
 * manifest declares them optional (wxt.config.ts) and the click that turns a feature on asks for
 * its kinds in the same request as the server's origin: Firefox shows one prompt for both, and
 * a second request would fall outside the click's user gesture.
 */

/** Sync and the team space: saved pages' links (browsingActivity), their titles, quotes and clips
 * (websiteContent), the name and password the server checks (authenticationInfo). */
export const SYNC_DATA = ['browsingActivity', 'websiteContent', 'authenticationInfo'] as const;
/** A team webhook's digest: links (browsingActivity), titles, takeaways and quotes (websiteContent). */
export const WEBHOOK_DATA = ['browsingActivity', 'websiteContent'] as const;

export type DataCollectionKind = (typeof SYNC_DATA)[number] | (typeof WEBHOOK_DATA)[number];

/** What the Firefox manifest declares optional: every kind some feature asks for. */
export const OPTIONAL_DATA_COLLECTION: DataCollectionKind[] = [
  ...new Set<DataCollectionKind>([...SYNC_DATA, ...WEBHOOK_DATA]),
];

export interface OriginRequest {
  origins: string[];
  /** Firefox only: Chrome refuses a request with a key it does not know. */
  data_collection?: DataCollectionKind[];
}

/** The permission request for one origin and, in Firefox, the kinds of data that feature sends. */
export function originRequest(origin: string, data: readonly DataCollectionKind[], isFirefox: boolean): OriginRequest {
  return isFirefox ? { origins: [origin], data_collection: [...data] } : { origins: [origin] };
}
