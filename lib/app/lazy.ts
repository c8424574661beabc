type Command<F> = F extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;

/**
 * Commands of a module that loads on first use (or on `preload`), so a page's first render does
 * not wait for the database code behind them. Each call waits for the one load.
 */
export function loadedOnUse<M>(load: () => Promise<M>): {
  preload: () => Promise<M>;
  command: <K extends keyof M>(name: K) => Command<M[K]>;
} {
  let loading: Promise<M> | undefined;
  const preload = () => {
    loading ??= load();
    return loading;
  };
  const command = <K extends keyof M>(name: K) =>
    (async (...args: unknown[]) => {
      const module = await preload();
      return (module[name] as (...a: unknown[]) => unknown)(...args);
    }) as Command<M[K]>;
  return { preload, command };
}
