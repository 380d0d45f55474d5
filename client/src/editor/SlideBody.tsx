/** A slide's body (`.slide__body`) kept fitted to the slide (slideFit.ts): the read-only views' one container. */
import { useRef, type ReactNode } from 'react';
import { useSlideFit } from './slideFit.ts';

export function SlideBody({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useSlideFit(ref);
  return (
    <div className="slide__body" ref={ref}>
      {children}
    </div>
  );
}
