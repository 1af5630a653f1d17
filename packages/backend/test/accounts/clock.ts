/** A clock the test moves by hand, so expiry and lockout are tested without waiting. */
export interface TestClock {
  now: () => Date;
  advanceMinutes(minutes: number): void;
}

export function testClock(start = '2030-01-01T00:00:00.000Z'): TestClock {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    advanceMinutes(minutes) {
      at += minutes * 60_000;
    },
  };
}
