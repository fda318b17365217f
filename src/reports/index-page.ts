// The index of a batch of reports: every area by level with a link to its file, the as-of date,
// the build, and how to rebuild the set. Self-contained like the reports; the same areas, date
// and build give the same bytes.
import { esc } from './html.ts';

/** One report in the index. */
export interface IndexEntry {
  areacd: string;
  areanm: string;
  level: string;
  file: string;
}

const LEVEL_TITLES: Record<string, string> = {
  uk: 'United Kingdom',
  itl1: 'ITL1 regions',
  itl2: 'ITL2 areas',
  itl3: 'ITL3 areas',
  lad: 'Local authority districts',
};

const CSS = `
body { font: 15px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
h2 { border-bottom: 2px solid #1a1a1a; margin-top: 2rem; }
ul { columns: 3 16rem; padding-left: 1.2rem; } li { break-inside: avoid; }
code { font-size: 0.85rem; }`;

/** The index page of `strata report --all`. */
export function reportIndexHtml(entries: readonly IndexEntry[], asOf: string, version: string): string {
  const levels = [...new Set(entries.map((e) => e.level))];
  const sections = levels.map((level) => {
    const items = entries
      .filter((e) => e.level === level)
      .map((e) => `<li><a href="${esc(e.file)}">${esc(e.areanm)}</a> <small>${esc(e.areacd)}</small></li>`)
      .join('\n');
    return `<section aria-labelledby="${esc(level)}-h"><h2 id="${esc(level)}-h">${esc(LEVEL_TITLES[level] ?? level)}</h2>\n<ul>\n${items}\n</ul></section>`;
  });
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(version)}">
<title>Economic accountability reports, as of ${esc(asOf)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>Economic accountability reports</h1>
<p>${entries.length} areas · as of ${esc(asOf)} · ${esc(version)}</p>
<p>One self-contained report per area. The same store, registers, commit and date rebuild every file byte for byte: <code>strata report --all --as-of ${esc(asOf)} --out DIR</code></p></header>
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
