import { createContext, useContext, type ReactNode } from 'react';
import { createClient, type Client, type Transport } from '../../../shared/contract/client';

const ClientContext = createContext<Client | null>(null);

export function ClientProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  // One client per transport; the transport is fixed for the life of the app.
  const client = useClientFor(transport);
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

const cache = new WeakMap<Transport, Client>();
function useClientFor(transport: Transport): Client {
  let c = cache.get(transport);
  if (!c) {
    c = createClient(transport);
    cache.set(transport, c);
  }
  return c;
}

export function useClient(): Client {
  const c = useContext(ClientContext);
  if (!c) throw new Error('useClient outside ClientProvider');
  return c;
}
