// The URL is the app's state: the path picks the page, the query holds its settings, so any
// view can be shared as a link. Links are ordinary <a href>; clicks on same-origin links are
// turned into history entries instead of page loads.

/** The current location, reactive. */
export const route = $state({ path: location.pathname, search: location.search });

function sync(): void {
  route.path = location.pathname;
  route.search = location.search;
}

/** Goes to a URL inside the app (a new history entry unless `replace`). */
export function navigate(url: string, replace = false): void {
  const target = new URL(url, location.href);
  if (target.origin !== location.origin) {
    location.assign(url);
    return;
  }
  const samePath = target.pathname === location.pathname;
  history[replace ? 'replaceState' : 'pushState'](null, '', target.pathname + target.search + target.hash);
  sync();
  if (!samePath && !target.hash) window.scrollTo(0, 0);
}

/** The query parameters of the current URL. */
export function query(): URLSearchParams {
  return new URLSearchParams(route.search);
}

/** Changes some query parameters (null removes one) and replaces the history entry. */
export function setQuery(changes: Record<string, string | null | undefined>, push = false): void {
  const q = query();
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') q.delete(k);
    else q.set(k, v);
  }
  const s = q.toString();
  navigate(route.path + (s ? `?${s}` : ''), !push);
}

/** Paths the server answers itself (the API, the consultation pages): links to them leave the app. */
const SERVER_PATHS = ['/api', '/participate'];

/** Follows clicks on in-app links without reloading; leaves modified clicks, downloads and API links alone. */
export function startRouter(): () => void {
  const onClick = (e: MouseEvent) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a');
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
    if (SERVER_PATHS.some((p) => a.pathname === p || a.pathname.startsWith(`${p}/`))) return;
    if (a.pathname === location.pathname && a.search === location.search && a.hash) return;
    e.preventDefault();
    navigate(a.pathname + a.search + a.hash);
  };
  window.addEventListener('popstate', sync);
  document.addEventListener('click', onClick);
  return () => {
    window.removeEventListener('popstate', sync);
    document.removeEventListener('click', onClick);
  };
}
