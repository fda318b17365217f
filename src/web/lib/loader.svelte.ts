// Data that follows the URL: re-fetched when what it depends on changes, keeping the last value
// on screen while the next one loads (no flash of an empty map when the year changes).

/** The latest result of an async function of reactive state. Create it during component set-up. */
export class Loader<T> {
  value = $state<T | undefined>(undefined);
  error = $state<Error | null>(null);
  loading = $state(true);

  constructor(fn: () => Promise<T> | null) {
    $effect(() => {
      const p = fn();
      if (!p) {
        this.loading = false;
        return;
      }
      let live = true;
      this.loading = true;
      p.then(
        (v) => {
          if (!live) return;
          this.value = v;
          this.error = null;
          this.loading = false;
        },
        (e: Error) => {
          if (!live) return;
          this.error = e;
          this.loading = false;
        },
      );
      return () => {
        live = false;
      };
    });
  }
}
