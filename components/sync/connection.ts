import { useEffect, useState } from 'preact/hooks';
import { type Connection, readConnection, watchConnection } from '@/lib/sync/connection';

/** Whether a sync server (and a team space) is connected, followed live; light enough for a first screen. */
export function useSyncConnection(): Connection {
  const [connection, setConnection] = useState<Connection>({ connected: false, team: false });
  useEffect(() => {
    let seen = false;
    const stop = watchConnection((next) => {
      seen = true;
      setConnection(next);
    });
    void readConnection().then((c) => !seen && setConnection(c));
    return stop;
  }, []);
  return connection;
}
