/**
 * Step lists in the read-only renderer (shared/stepReveal.ts). Where a page draws a slide
 * step by step (presenter, speaker view, attendee) it provides a StepView: each item of a
 * step list is numbered in document order, and items up to `revealed` are shown. The items
 * carry reveal.js's `fragment` class and their index, so the presenter's reveal.js steps
 * through them; the classes are React's, derived from the same position reveal.js reports,
 * so the two never disagree for long. Without a StepView (thumbnails, print, exports) every
 * item is drawn as a plain list item.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { isStepList } from '../../../shared/stepReveal.ts';
import type { SlideNode } from './slideTree.ts';
import './stepItems.css';

export interface StepView {
  /** Each step item's number (1-based), by node. */
  index: ReadonlyMap<SlideNode, number>;
  /** How many are on screen. */
  revealed: number;
}

export const StepContext = createContext<StepView | null>(null);

/** The step items of a slide's tree, numbered in document order (an item before the steps nested in it). */
export function stepIndex(nodes: readonly SlideNode[]): Map<SlideNode, number> {
  const index = new Map<SlideNode, number>();
  const walk = (list: readonly SlideNode[]): void => {
    for (const node of list) {
      if (node.kind !== 'element') continue;
      if (isStepList(node.name, node.attrs)) {
        for (const item of node.children) {
          if (item.kind !== 'element') continue;
          index.set(item, index.size + 1);
          walk(item.children);
        }
      } else walk(node.children);
    }
  };
  walk(nodes);
  return index;
}

/** How many steps a slide has. */
export const countTreeSteps = (nodes: readonly SlideNode[]): number => stepIndex(nodes).size;

/** A list item: a step (hidden until its turn) where the page draws steps, else plain. */
export function ListItem({ node, children }: { node: SlideNode; children: ReactNode }) {
  const steps = useContext(StepContext);
  const step = steps?.index.get(node);
  if (!steps || step === undefined) return <li>{children}</li>;
  const shown = step <= steps.revealed;
  return (
    <li className={shown ? 'fragment visible' : 'fragment'} data-fragment-index={step - 1} data-step={step}>
      {children}
    </li>
  );
}
