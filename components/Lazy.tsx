import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A component whose code loads when it is first shown, so a page's first paint carries only
 * what it first shows. The loaded module is cached: later renders are synchronous.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  placeholder: 'skeleton' | 'nothing' = 'skeleton',
): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  return function Lazy(props: P) {
    const [Component, setComponent] = useState<ComponentType<P> | null>(() => loaded);
    useEffect(() => {
      if (Component) return;
      pending ??= load().then((c) => (loaded = c));
      let alive = true;
      void pending.then((c) => alive && setComponent(() => c));
      return () => {
        alive = false;
      };
    }, []);
    if (Component) return <Component {...props} />;
    return placeholder === 'skeleton' ? <div class="skeleton" aria-busy="true" /> : null;
  };
}
