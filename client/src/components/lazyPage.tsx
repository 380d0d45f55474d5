import { lazy, Suspense, type ComponentType } from 'react';
import { LoadingMessage } from './LoadingMessage.tsx';

/**
 * A page loaded on demand: its own chunk, with the polite "Loading…" line while the chunk
 * arrives. Returns a component to put straight into a route's `element`.
 */
export function lazyPage(load: () => Promise<{ default: ComponentType }>): ComponentType {
  const Page = lazy(load);
  return function LazyPage() {
    return (
      <Suspense fallback={<LoadingMessage />}>
        <Page />
      </Suspense>
    );
  };
}
