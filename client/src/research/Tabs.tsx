/**
 * ARIA tabs: one tab stop for the tab list, arrow keys (and Home/End) move between tabs and
 * select them. Panels are rendered by the caller with `panelProps`.
 */
import { useId, useRef, type KeyboardEvent } from 'react';

export interface TabItem<T extends string> {
  id: T;
  label: string;
}

export function useTabIds<T extends string>() {
  const base = useId();
  return {
    tab: (id: T) => `${base}tab-${id}`,
    panel: (id: T) => `${base}panel-${id}`,
  };
}

export interface TabsProps<T extends string> {
  label: string;
  items: TabItem<T>[];
  active: T;
  ids: ReturnType<typeof useTabIds<T>>;
  onSelect(id: T): void;
}

export function Tabs<T extends string>({ label, items, active, ids, onSelect }: TabsProps<T>) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = items.findIndex((item) => item.id === active);
    const next =
      event.key === 'ArrowRight' ? (index + 1) % items.length
      : event.key === 'ArrowLeft' ? (index - 1 + items.length) % items.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? items.length - 1
      : -1;
    const target = items[next];
    if (!target) return;
    event.preventDefault();
    onSelect(target.id);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(ids.tab(target.id))}`)?.focus();
  }

  return (
    <div className="tabs" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown}>
      {items.map((item) => {
        const selected = item.id === active;
        return (
          <button
            key={item.id}
            type="button"
            role="tab"
            id={ids.tab(item.id)}
            aria-selected={selected}
            aria-controls={ids.panel(item.id)}
            tabIndex={selected ? 0 : -1}
            className="tabs__tab"
            onClick={() => onSelect(item.id)}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}
