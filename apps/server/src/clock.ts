/** The source of "now" for every rule that depends on time; tests and the test hook move it. */
export interface Clock {
  now(): Date;
}

/** A clock that follows the system time plus an offset that tests may move. */
export interface AdjustableClock extends Clock {
  /** Moves time forward (or back with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Jumps to an instant. */
  set(instant: Date): void;
  /** The current offset from the system time, in ms. */
  offsetMs(): number;
}

/** Creates an adjustable clock starting at `start` (or the system time). */
export function createClock(start?: Date): AdjustableClock {
  let offset = start ? start.getTime() - Date.now() : 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
    set: (instant) => {
      offset = instant.getTime() - Date.now();
    },
    offsetMs: () => offset,
  };
}
