import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { InboundStore } from './create';
import type { InboundState } from './state';

const StoreContext = createContext<InboundStore | null>(null);

/** Hands a store down to the views. */
export function StoreProvider({ store, children }: { store: InboundStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for event handlers and subscriptions. */
export function useInboundStore(): InboundStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useInboundStore needs a StoreProvider above it');
  return store;
}

/** Subscribes to the least a component needs. */
export function useInbound<T>(selector: (state: InboundState) => T): T {
  return useStore(useInboundStore(), selector);
}
