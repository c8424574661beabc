/**
 * Reading resources, for views that only read: apart from lib/app/resources.ts because the
 * bundler places a module whole in the first chunk that imports it, with everything it imports,
 * and the library's first screen (its search snippets) would carry every resource command, the
 * commit and the messaging with it.
 */
export { getResource, getResourceByUrl, listNewest } from '../db/resource-reads';
