/**
 * A wrapper that lets a wide table scroll sideways on a narrow screen. Only while it really
 * scrolls does it become a named, focusable region, so keyboard users can scroll it too
 * without an extra tab stop on wide screens.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function TableWrap({ label, children, after }: { label: string; children: ReactNode; after?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const check = () => setScrolls(element.scrollWidth > element.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);

  return (
    <>
      <div ref={ref} className="table-wrap" {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}>
        {children}
      </div>
      {after}
    </>
  );
}
