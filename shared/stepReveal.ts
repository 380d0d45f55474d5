/**
 * Step lists: a bullet or ordered list marked `reveal: 'step'` shows its items one at a time
 * when presenting (each item a reveal.js fragment). A slide's *steps* are the items of its
 * step lists in document order (an item before the items of a step list nested in it), and
 * the presentation's `fragment` is how many of them are on screen. The same counting is
 * done on the deck document (here, for the server's audience document, [AU12]) and on the
 * read-only tree (client/src/present/steps.ts).
 */
import * as Y from 'yjs';

/** The list attribute and its one value. */
export const STEP_REVEAL_ATTR = 'reveal';
export const STEP_REVEAL = 'step';
export const LIST_NODES = ['bulletList', 'orderedList'] as const;

export function isStepList(name: string, attrs: Record<string, unknown>): boolean {
  return (LIST_NODES as readonly string[]).includes(name) && attrs[STEP_REVEAL_ATTR] === STEP_REVEAL;
}

const isStepElement = (node: Y.XmlElement): boolean => isStepList(node.nodeName, { [STEP_REVEAL_ATTR]: node.getAttribute(STEP_REVEAL_ATTR) });

/** How many steps a slide's content has. */
export function countSteps(content: Y.XmlFragment | Y.XmlElement): number {
  let n = 0;
  for (const child of content.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (isStepElement(child)) {
      for (const item of child.toArray()) {
        if (!(item instanceof Y.XmlElement)) continue;
        n += 1 + countSteps(item);
      }
    } else n += countSteps(child);
  }
  return n;
}

/**
 * Removes from `content` (already part of a document) every step after the first
 * `revealed`: what an audience has not been shown yet ([AU12]). Returns how many steps
 * were seen, so a caller walking several containers can go on counting.
 */
export function removeUnrevealedSteps(content: Y.XmlFragment | Y.XmlElement, revealed: number, seen = 0): number {
  let n = seen;
  for (const child of content.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (!isStepElement(child)) {
      n = removeUnrevealedSteps(child, revealed, n);
      continue;
    }
    const items = child.toArray();
    let keep = items.length;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!(item instanceof Y.XmlElement)) continue;
      if (n >= revealed) {
        keep = i;
        break;
      }
      n = removeUnrevealedSteps(item, revealed, n + 1);
    }
    if (keep < items.length) child.delete(keep, items.length - keep);
  }
  return n;
}

/** Whether a slide's content holds a step list anywhere. */
export function hasStepList(content: Y.XmlFragment | Y.XmlElement): boolean {
  return content.toArray().some((child) => child instanceof Y.XmlElement && (isStepElement(child) || hasStepList(child)));
}

/**
 * A copy of `content` in a scratch document holding only its first `revealed` steps; the
 * caller destroys `doc` when done.
 */
export function revealedCopy(content: Y.XmlFragment, revealed: number): { doc: Y.Doc; fragment: Y.XmlFragment } {
  const doc = new Y.Doc({ gc: true });
  const fragment = doc.getXmlFragment('content');
  doc.transact(() => {
    fragment.insert(
      0,
      content.toArray().flatMap((n) => (n instanceof Y.XmlElement || n instanceof Y.XmlText ? [n.clone()] : [])),
    );
    removeUnrevealedSteps(fragment, revealed);
  });
  return { doc, fragment };
}
