// One area's report as one self-contained HTML file: inline SVG charts, a table behind each,
// headings in reading order, print CSS, no script and nothing fetched from the network.
import { esc } from './html.ts';
import type { ReportInput } from './input.ts';
import {
  appendixSection,
  commitmentsSection,
  forecastsSection,
  indicatorsSection,
  layersSection,
} from './sections.ts';
import { consultationsSection } from './consultations-section.ts';
import { plansSection } from './plans-section.ts';
import { entitlementsSection, genderSection, missionsSection } from './lens-sections.ts';

const CSS = `
body { font: 15px/1.5 system-ui, sans-serif; color: #1a1a1a; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid #1a1a1a; margin-top: 2.5rem; } h3 { margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.85rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
td code { font-size: 0.7rem; word-break: break-all; }
figure { margin: 0.5rem 0; } figcaption { font-size: 0.85rem; color: #444; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; font-size: 0.9rem; } dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; } dd code { word-break: break-all; }
pre { white-space: pre-wrap; background: #f4f4f4; padding: 0.5rem; font-size: 0.85rem; }
nav ol { columns: 2; } .example { background: #fff4d6; padding: 0.4rem 0.6rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav ol { columns: 1; } nav a { color: inherit; text-decoration: none; }
  main h2 { break-before: page; } h2, h3, caption { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  @page { size: A4; margin: 15mm; }
}`;

const TITLES: [string, string][] = [
  ['layers', 'The layered economy and how it changed'],
  ['indicators', 'Headline indicators'],
  ['missions', 'Missions'],
  ['entitlements', 'Entitlements'],
  ['gender', 'The gender lens'],
  ['commitments', 'Commitments and their status'],
  ['forecasts', 'Forecasts against outturn'],
  ['consultations', 'Consultations and their verified results'],
  ['plans', 'Scenarios and finance plans on record'],
  ['appendix', 'Appendix: data, methods, rebuilding'],
];

/** The report's HTML: the same input gives the same bytes. */
export function reportHtml(r: ReportInput): string {
  const a = r.profile.area;
  const title = `${a.areanm} (${a.areacd}): economic accountability report, as of ${r.asOf}`;
  const nav = `<nav aria-label="Contents"><h2>Contents</h2><ol>${TITLES.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join('')}</ol></nav>`;
  const sections = [
    layersSection,
    indicatorsSection,
    missionsSection,
    entitlementsSection,
    genderSection,
    commitmentsSection,
    forecastsSection,
    consultationsSection,
    plansSection,
    appendixSection,
  ].map((s) => s(r));
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(r.version)}">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(a.areanm)}</h1><p>${esc(a.areacd)} · ${esc(a.level)} · as of ${esc(r.asOf)} · ${esc(r.version)}</p>
<p>Built by Strata from official statistics and the registers of commitments and projections. Every chart has a table of its numbers; the appendix lists every dataset with its checksum and every method with its version.</p></header>
${nav}
<main>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
