/**
 * The code a `new Worker(code, { eval: true })` runs to load the module `name` beside `base`
 * (an `import.meta.url`): the compiled `.js` when the caller is compiled code (lib/), else the
 * `.ts` source through tsx's loader, as in development and tests.
 */
export function workerSource(base: string, name: string): string {
  if (base.endsWith('.js')) return `import(${JSON.stringify(new URL(`./${name}.js`, base).href)});`;
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`./${name}.ts`, base).href;
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
}
