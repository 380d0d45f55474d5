/**
 * Roving tab stop for a toolbar (WAI-ARIA toolbar pattern): Tab enters the toolbar once, the
 * arrow keys, Home and End move between its controls. Disabled controls are skipped, and
 * the tab stop moves on when the control holding it becomes disabled.
 */
import { useLayoutEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const CONTROLS = 'button, select, input';

function controls(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(CONTROLS)).filter((el) => !(el as HTMLButtonElement).disabled && el.offsetParent !== null);
}

export function useRovingFocus<T extends HTMLElement>(): { ref: RefObject<T | null>; onKeyDown(event: KeyboardEvent<T>): void; onFocus(event: React.FocusEvent<T>): void } {
  const ref = useRef<T>(null);
  const current = useRef<HTMLElement | null>(null);

  // After every render: exactly one enabled control is reachable with Tab.
  useLayoutEffect(() => {
    const root = ref.current;
    if (!root) return;
    const all = controls(root);
    const stop = current.current && all.includes(current.current) ? current.current : all[0];
    for (const el of root.querySelectorAll<HTMLElement>(CONTROLS)) el.tabIndex = el === stop ? 0 : -1;
  });

  function focus(el: HTMLElement | undefined) {
    if (!el || !ref.current) return;
    for (const other of ref.current.querySelectorAll<HTMLElement>(CONTROLS)) other.tabIndex = -1;
    el.tabIndex = 0;
    current.current = el;
    el.focus();
  }

  return {
    ref,
    onFocus(event) {
      const target = event.target as HTMLElement;
      if (target.matches(CONTROLS)) {
        current.current = target;
        for (const other of event.currentTarget.querySelectorAll<HTMLElement>(CONTROLS)) other.tabIndex = other === target ? 0 : -1;
      }
    },
    onKeyDown(event) {
      const root = ref.current;
      if (!root) return;
      const all = controls(root);
      const index = all.indexOf(document.activeElement as HTMLElement);
      if (index < 0) return;
      let next: HTMLElement | undefined;
      if (event.key === 'ArrowRight') next = all[(index + 1) % all.length];
      else if (event.key === 'ArrowLeft') next = all[(index - 1 + all.length) % all.length];
      else if (event.key === 'Home') next = all[0];
      else if (event.key === 'End') next = all[all.length - 1];
      else return;
      event.preventDefault();
      focus(next);
    },
  };
}
