// The publication timer: ticks at each boundary of the declared interval (on the wall clock,
// so every instance ticks at the same moments and the lock in service/heads.ts lets one of them
// append), runs the publication, and waits for the next boundary. A failed tick is reported and
// the schedule goes on.

/** A running schedule. */
export interface HeadSchedule {
  /** Stops ticking and resolves once a tick under way has finished. */
  stop: () => Promise<void>;
}

/** Milliseconds from `now` to the next boundary of the interval (a few ms after it). */
export function untilNextBoundary(nowMs: number, intervalSeconds: number): number {
  const step = intervalSeconds * 1000;
  return step - (nowMs % step) + 5;
}

/** Starts ticking `publish` at every interval boundary. */
export function startHeadSchedule(
  publish: () => Promise<unknown>,
  intervalSeconds: number,
  onError: (e: unknown) => void,
): HeadSchedule {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        running = publish().then(
          () => undefined,
          (e: unknown) => onError(e),
        );
        void running.then(next);
      },
      untilNextBoundary(Date.now(), intervalSeconds),
    );
    timer.unref();
  };
  next();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
