/** A slide's body (`.slide__body`) kept fitted to the slide (slideFit.ts): the read-only views' one container. */
import { useRef, type ReactNode } from 'react';
import { useSlideFit } from './slideFit.ts';

/** `onOverfull` hears when the body cannot fit even at the floor (the sorter marks such a slide). */
export function SlideBody({ children, onOverfull }: { children: ReactNode; onOverfull?: (overfull: boolean) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useSlideFit(ref, onOverfull);
  return (
    <div className="slide__body" ref={ref}>
      {children}
    </div>
  );
}
