/** The source of "now" for every rule that depends on time; tests and the test hook move it. */
export interface Clock {
  now(): Date;
}

/** A clock that tests and the test hook may move. */
export interface AdjustableClock extends Clock {
  /** Moves time forward (or back with a negative value) by `ms`. */
  advance(ms: number): void;
  /** Jumps to an instant. */
  set(instant: Date): void;
}

/**
 * Creates an adjustable clock at `start` (default: the system time). A running clock follows the
 * system time from there; a frozen one (unit tests) moves only when told to.
 */
export function createClock(start?: Date, { frozen = false }: { frozen?: boolean } = {}): AdjustableClock {
  if (frozen) {
    let at = (start ?? new Date()).getTime();
    return {
      now: () => new Date(at),
      advance: (ms) => {
        at += ms;
      },
      set: (instant) => {
        at = instant.getTime();
      },
    };
  }
  let offset = start ? start.getTime() - Date.now() : 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
    set: (instant) => {
      offset = instant.getTime() - Date.now();
    },
  };
}
