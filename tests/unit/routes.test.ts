import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { libraryPath, parseRoute, routeHash, SECTIONS, type Route } from '../../lib/routes';

describe('routes', () => {
  it.each<[string, Route]>([
    ['', { section: 'resources', query: {} }],
    ['#', { section: 'resources', query: {} }],
    ['#journal', { section: 'journal', query: {} }],
    [
      '#journal?prompt=followUpWentWell&resource=r1',
      { section: 'journal', query: { prompt: 'followUpWentWell', resource: 'r1' } },
    ],
    ['#resource/abc%2Fdef', { section: 'resource', param: 'abc/def', query: {} }],
    ['#resource/a/b', { section: 'resource', param: 'a/b', query: {} }],
    ['#actions?from=resource%3Ar1', { section: 'actions', query: { from: 'resource:r1' } }],
    ['#resources?tag=l%C3%A4rande', { section: 'resources', query: { tag: 'lärande' } }],
    ['#unknown/x', { section: 'resources', param: 'x', query: {} }],
    ['#__proto__', { section: 'resources', query: {} }],
  ])('parseRoute(%j)', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it.each<[Parameters<typeof routeHash>, string]>([
    [['resources'], '#resources'],
    [['resource', 'r 1'], '#resource/r%201'],
    [['journal', undefined, { prompt: 'p', resource: 'r' }], '#journal?prompt=p&resource=r'],
    [['actions', undefined, {}], '#actions'],
  ])('routeHash(%j) = %s', (args, hash) => {
    expect(routeHash(...args)).toBe(hash);
  });

  it('libraryPath is the library page with the route, for tabs the background opens', () => {
    expect(libraryPath('journal', undefined, { prompt: 'p' })).toBe('/library.html#journal?prompt=p');
    expect(libraryPath('welcome')).toBe('/library.html#welcome');
  });

  it('parse ∘ hash is the identity for every section, id and query', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SECTIONS),
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        fc.dictionary(fc.string({ minLength: 1 }), fc.string()),
        (section, param, query) => {
          const route = parseRoute(routeHash(section, param, query));
          expect(route).toEqual({ section, ...(param ? { param } : {}), query });
        },
      ),
    );
  });
});
