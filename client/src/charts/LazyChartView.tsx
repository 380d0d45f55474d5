/**
 * ChartView loaded on first use. recharts (and the stats client) are most of a slide
 * page's JavaScript; an attendee whose slides hold no live chart should not download them,
 * and one whose slides do sees the slide's text before its chart arrives.
 */
import { lazy, Suspense } from 'react';
import type { ChartViewProps } from './ChartView.tsx';

const ChartView = lazy(() => import('./ChartView.tsx').then((module) => ({ default: module.ChartView })));

export function LazyChartView(props: ChartViewProps) {
  return (
    <Suspense fallback={<div className="chart-loading" aria-busy="true" />}>
      <ChartView {...props} />
    </Suspense>
  );
}
