// Observable Plot is the largest dependency, so it loads on the first chart, not with the atlas.
import type * as Plot from '@observablehq/plot';

export type PlotModule = typeof Plot;

let plot: Promise<PlotModule> | null = null;

/** The Plot module, imported once on first use. */
export function loadPlot(): Promise<PlotModule> {
  return (plot ??= import('@observablehq/plot'));
}

/** Builds a chart from the Plot module: (Plot, width in px) → the element to show. */
export type ChartBuilder = (Plot: PlotModule, width: number) => SVGSVGElement | HTMLElement;
