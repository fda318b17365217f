import type { OpenAPIHono } from '@hono/zod-openapi';

type Doc = ReturnType<OpenAPIHono['getOpenAPI31Document']>;
type Operation = NonNullable<NonNullable<Doc['paths']>[string]['get']>;
type Parameter = Exclude<NonNullable<Operation['parameters']>[number], { $ref: string }>;
type Schema = { enum?: unknown[]; default?: unknown };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** The parameters of an operation written out in full, with their schema's choices and default. */
function parametersOf(op: Operation): (Parameter & { schema?: Schema })[] {
  return (op.parameters ?? []).filter((p): p is Parameter => !('$ref' in p));
}

/** A human-readable page of every route, generated from the OpenAPI document (no external assets). */
export function apiDocsPage(doc: Doc): string {
  const esc = (s: unknown) =>
    String(s ?? '').replace(
      /[&<>"]/g,
      (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!,
    );
  const sections = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [[method, item[method]] as const] : [])).map(
      ([method, op]) => {
        const params = parametersOf(op)
          .map(
            (p) =>
              `<li><code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''})${p.schema?.enum ? ` one of ${p.schema.enum.map((v) => `<code>${esc(v)}</code>`).join(', ')}` : ''}${p.schema?.default !== undefined ? `, default <code>${esc(p.schema.default)}</code>` : ''}${p.description ? ` — ${esc(p.description)}` : ''}</li>`,
          )
          .join('');
        return `<section><h2><code>${method.toUpperCase()} ${esc(path)}</code></h2><p>${esc(op.summary)}</p>${params ? `<ul>${params}</ul>` : ''}</section>`;
      },
    ),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(doc.info.title)} API</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}code{background:#f3f3f3;padding:0 .2em}h2{font-size:1.05rem;margin-top:2rem}section{border-top:1px solid #ddd}</style></head>
<body><h1>${esc(doc.info.title)} API ${esc(doc.info.version)}</h1><p>${esc(doc.info.description)}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1). Every table route answers CSV with <code>?format=csv</code> or <code>Accept: text/csv</code>. Errors share one shape: <code>{ "error": "...", "code": "...", "details": ... }</code>.</p>
${sections.join('\n')}
<p>Contains public sector information licensed under the Open Government Licence v3.0.</p></body></html>`;
}
