// Organisation names reduced to comparable tokens (data/franchise/matching.json): the legal
// form is set aside as a field of its own, a trading name split off, words expanded.

/** The name rules, as data/franchise/matching.json holds them. */
export interface NameRules {
  tradingAs: string[];
  stopwords: string[];
  expand: Record<string, string>;
  legalForms: Record<string, string[]>;
}

/** A name ready to compare: its tokens, their joined key, its legal form, and a trading name after `T/A`. */
export interface NormalName {
  key: string;
  tokens: string[];
  legalForm: string | null;
  trading: string | null;
}

/** Resolved once: lookups the per-name loop reads. */
export interface PreparedRules {
  stop: Set<string>;
  expand: Map<string, string[]>;
  form: Map<string, string>;
  tradingAs: RegExp;
}

export function prepareRules(r: NameRules): PreparedRules {
  const form = new Map<string, string>();
  for (const [canonical, spellings] of Object.entries(r.legalForms))
    for (const s of spellings) form.set(s.replace(/[^A-Z0-9]/g, ''), canonical);
  const words = r.tradingAs.map((t) => t.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&')).join('|');
  return {
    stop: new Set(r.stopwords),
    expand: new Map(Object.entries(r.expand).map(([k, v]) => [k.replace(/[^A-Z0-9]/g, ''), v.split(' ')])),
    form,
    tradingAs: new RegExp(`\\s(?:${words})\\s`),
  };
}

/**
 * Upper case, accents dropped, `&`/`+` as AND, apostrophes dropped, any other punctuation a
 * break, and a run of single letters one token ("H M Land Registry" and "H.M." both read HM).
 * One pass over the characters: this runs for every employer name in the returns.
 */
function tokensOf(text: string): string[] {
  // Accents are dropped only where there are any: most names are plain ASCII.
  const plain = /^[\x20-\x7e]*$/.test(text) ? text : text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const up = plain.toUpperCase();
  const out: string[] = [];
  // A token is a run of letters and digits, apostrophes dropped from it: kept as slices of `up`.
  let cur = '';
  let from = -1;
  let joining = false;
  const flush = (to: number) => {
    if (from >= 0) cur += up.slice(from, to);
    from = -1;
    if (cur === '') return;
    const single = cur.length === 1 && cur >= 'A' && cur <= 'Z';
    if (single && joining) out[out.length - 1] += cur;
    else out.push(cur);
    joining = single;
    cur = '';
  };
  for (let i = 0; i < up.length; i++) {
    const c = up.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      if (from < 0) from = i;
    } else if (c === 39 || c === 96 || c === 0x2019) {
      if (from >= 0) cur += up.slice(from, i);
      from = -1;
    } else {
      flush(i);
      if (c === 38 || c === 43) {
        out.push('AND');
        joining = false;
      }
    }
  }
  flush(up.length);
  return out;
}

/** Normalises one name under prepared rules. */
export function normaliseName(name: string, rules: PreparedRules): NormalName {
  const upper = ` ${name.toUpperCase().replace(/\s+/g, ' ')} `;
  const cut = rules.tradingAs.exec(upper);
  const legal = cut ? upper.slice(0, cut.index) : upper;
  const trading = cut ? upper.slice(cut.index + cut[0].length).trim() || null : null;
  let tokens: string[] = [];
  for (const t of tokensOf(legal)) {
    const x = rules.expand.get(t);
    if (x) tokens.push(...x);
    else tokens.push(t);
  }
  let legalForm: string | null = null;
  while (tokens.length > 1 && rules.form.has(tokens.at(-1)!)) {
    legalForm ??= rules.form.get(tokens.at(-1)!)!;
    tokens = tokens.slice(0, -1);
  }
  tokens = tokens.filter((t) => !rules.stop.has(t));
  return { key: tokens.join(' '), tokens, legalForm, trading };
}
