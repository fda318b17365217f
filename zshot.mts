import { launch, serveApp } from './test/web/helpers.ts';
const server = await serveApp();
const width = Number(process.argv[2] ?? 1280);
const b = await launch({ width, height: 1000 });
const page = await b.context.newPage();
await page.goto(`${server.url}procurement?body=leeds`);
await page.getByTestId('procurement-suppliers-table').waitFor({ timeout: 120000 });
await page.waitForTimeout(1500);
const h = await page.evaluate(() => document.documentElement.scrollHeight);
for (let y = 0, i = 0; y < h; y += 1600, i++)
  await page.screenshot({ path: `/tmp/proc-${width}-${i}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1600, h - y) } });
console.log(h);
await b.close(); await server.close();
