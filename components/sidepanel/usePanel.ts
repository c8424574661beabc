import { useEffect, useState } from 'preact/hooks';
import { type PanelState, panelState, startPanel, subscribePanel } from '@/lib/app/side-panel';

/** The panel's state (lib/app/side-panel.ts), followed; the panel starts with the first render. */
export function usePanel(search: string): PanelState {
  const [state, setState] = useState(panelState);
  useEffect(() => {
    const stop = subscribePanel(() => setState(panelState()));
    const stopPanel = startPanel(search);
    return () => {
      stop();
      stopPanel();
    };
  }, [search]);
  return state;
}
