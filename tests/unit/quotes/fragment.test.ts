import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  encodeFragmentTerm,
  fragmentDirective,
  fragmentFromText,
  isFragmentDirective,
  quoteHref,
} from '../../../lib/quotes/fragment';

describe('text directives', () => {
  it.each([
    ['plain words', { textStart: 'ship small' }, 'text=ship%20small'],
    // The spec reserves these three: a dash marks prefix and suffix, a comma splits terms, & splits directives.
    ['a dash', { textStart: 'well-kept' }, 'text=well%2Dkept'],
    ['a comma', { textStart: 'small, often' }, 'text=small%2C%20often'],
    ['an ampersand', { textStart: 'R&D' }, 'text=R%26D'],
    ['a hash and a percent', { textStart: '#1 at 100%' }, 'text=%231%20at%20100%25'],
    ['non-ASCII', { textStart: 'Lära på jobbet' }, 'text=L%C3%A4ra%20p%C3%A5%20jobbet'],
    ['start and end', { textStart: 'The first', textEnd: 'the last' }, 'text=The%20first,the%20last'],
    [
      'prefix and suffix',
      { prefix: 'as said-', textStart: 'ship it', suffix: '-now' },
      'text=as%20said%2D-,ship%20it,-%2Dnow',
    ],
    ['all four', { prefix: 'a', textStart: 'b', textEnd: 'c', suffix: 'd' }, 'text=a-,b,c,-d'],
    // The generator copies the source's line breaks and indentation; Chromium finds none of it.
    [
      'white space folded',
      { textStart: 'what\n          we do', textEnd: ' next\t step ' },
      'text=what%20we%20do,next%20step',
    ],
    ['an empty start', { textStart: '  ' }, undefined],
  ])('%s', (_name, parts, expected) => {
    expect(fragmentDirective(parts)).toBe(expected);
  });

  it('a directive only ever holds encoded terms', () => {
    fc.assert(
      fc.property(
        fc.record({
          textStart: fc.string({ minLength: 1 }),
          textEnd: fc.option(fc.string(), { nil: undefined }),
          prefix: fc.option(fc.string(), { nil: undefined }),
          suffix: fc.option(fc.string(), { nil: undefined }),
        }),
        (parts) => {
          const directive = fragmentDirective(parts);
          if (directive === undefined) return parts.textStart.trim() === '';
          return isFragmentDirective(directive) && !/[\s#&]/.test(directive);
        },
      ),
    );
    fc.assert(fc.property(fc.string(), (term) => decodeURIComponent(encodeFragmentTerm(term)) === term));
  });

  it('from the words alone: a short quote whole, a long one by its first and last words', () => {
    expect(fragmentFromText('Small batches make feedback cheap.')).toBe(
      'text=Small%20batches%20make%20feedback%20cheap.',
    );
    expect(fragmentFromText('one two three four five six seven eight nine ten')).toBe(
      'text=one%20two%20three%20four,seven%20eight%20nine%20ten',
    );
    expect(fragmentFromText('   ')).toBeUndefined();
  });
});

describe('the link that opens the page at a quote', () => {
  it.each([
    ['https://blog.example.org/retro', 'text=ship', 'https://blog.example.org/retro#:~:text=ship'],
    // The page's own fragment stays (an app's route), an older directive is replaced.
    ['https://app.example.org/#/doc/3', 'text=ship', 'https://app.example.org/#/doc/3:~:text=ship'],
    ['https://blog.example.org/a#:~:text=old', 'text=new', 'https://blog.example.org/a#:~:text=new'],
    ['https://blog.example.org/a#part:~:text=old', 'text=new', 'https://blog.example.org/a#part:~:text=new'],
    // No directive, or one that is not a directive: the page itself.
    ['https://blog.example.org/a', undefined, 'https://blog.example.org/a'],
    ['https://blog.example.org/a', 'text=a b', 'https://blog.example.org/a'],
    ['https://blog.example.org/a', 'javascript:alert(1)', 'https://blog.example.org/a'],
    // Only web pages get a link.
    ['javascript:alert(1)', 'text=a', undefined],
    ['file:///etc/passwd', 'text=a', undefined],
  ])('%s + %s', (url, fragment, expected) => {
    expect(quoteHref(url, fragment)).toBe(expected);
  });

  it('never throws, and is always an http(s) address or nothing', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string()),
        fc.oneof(
          fc.string(),
          fc.string().map((s) => fragmentDirective({ textStart: `${s}x` })),
        ),
        (url, fragment) => {
          const href = quoteHref(url, fragment);
          if (href === undefined) return true;
          const protocol = new URL(href).protocol;
          return protocol === 'http:' || protocol === 'https:';
        },
      ),
    );
  });
});
