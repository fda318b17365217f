// axe-core in a page: injected through the DevTools protocol (not a script tag, so no page
// policy can block it), run over the whole document, and its serious and critical findings
// returned as lines that name the rule, the element and the page.
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** The serious and critical axe violations on the page as it is now, one line per element. */
export async function axeProblems(page: Page, where: string): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const found = (await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run: (o: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    return (await axe.run({ resultTypes: ['violations'] })).violations;
  })) as Finding[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${where}: ${v.id} (${v.impact}) at ${JSON.stringify(n.target)} — ${v.help}` +
          (n.failureSummary ? `\n    ${n.failureSummary.replace(/\n/g, '\n    ')}` : ''),
      ),
    );
}
