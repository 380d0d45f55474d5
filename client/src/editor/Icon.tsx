/**
 * The editor's icons: inline SVG paths drawn on a 24-unit grid with a 2-unit stroke, so
 * they inherit the text colour and need no icon font or request. Always decorative: the
 * button around an icon carries the name.
 */
const PATHS = {
  plus: 'M12 5v14M5 12h14',
  copy: 'M9 9h10v10H9zM5 15V5h10',
  trash: 'M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3',
  undo: 'M9 14 4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3',
  redo: 'M15 14l5-5-5-5M20 9H9a5 5 0 0 0 0 10h3',
  bold: 'M7 5h6a3.5 3.5 0 0 1 0 7H7zM7 12h7a3.5 3.5 0 0 1 0 7H7z',
  italic: 'M10 5h8M6 19h8M14 5l-4 14',
  underline: 'M7 4v7a5 5 0 0 0 10 0V4M5 20h14',
  bulletList: 'M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01',
  orderedList: 'M10 6h10M10 12h10M10 18h10M4 4h1v4M4 8h2M4 14h2l-2 3h2',
  quote: 'M6 17c-1.5 0-2-1-2-3 0-3 1-6 4-7M16 17c-1.5 0-2-1-2-3 0-3 1-6 4-7M4 14h4v3H4zM14 14h4v3h-4z',
  divider: 'M3 12h18M8 7h8M8 17h8',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 2-2 5 5M15.5 9.5h.01',
  table: 'M4 5h16v14H4zM4 10h16M4 15h16M10 5v14',
  chart: 'M4 20h16M7 16v-5M12 16V7M17 16v-8',
  rowAbove: 'M4 11h16v8H4zM12 3v6M9 6h6',
  rowBelow: 'M4 5h16v8H4zM12 15v6M9 18h6',
  rowDelete: 'M4 8h16v8H4zM9 10l6 4M15 10l-6 4',
  colLeft: 'M11 4h8v16h-8zM3 12h6M6 9v6',
  colRight: 'M5 4h8v16H5zM15 12h6M18 9v6',
  colDelete: 'M8 4h8v16H8zM10 9l4 6M14 9l-4 6',
  tableDelete: 'M4 5h16v14H4zM9 9l6 6M15 9l-6 6',
  back: 'M19 12H5M11 6l-6 6 6 6',
  eyeOff: 'M3 3l18 18M10.6 6.1A9.7 9.7 0 0 1 12 6c5 0 9 6 9 6a15.6 15.6 0 0 1-2.6 3.2M6.6 6.6C4.2 8.2 3 12 3 12s4 6 9 6a8.8 8.8 0 0 0 4.4-1.2M9.9 9.9a3 3 0 0 0 4.2 4.2',
  cloudOff: 'M3 3l18 18M8 8a5 5 0 0 0-1 9.9h10M20.5 16A4 4 0 0 0 17 10h-.5A6 6 0 0 0 11 6',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
