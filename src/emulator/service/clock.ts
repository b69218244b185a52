// The emulator's clock. It follows real time, so every timestamp the emulator returns (createdDateTime,
// error dates, restore points) is true to the wall clock, and can be pushed forward by the test controls; it
// never goes backwards, so lifecycle states computed from it are monotonic. `timeScale` does not bend this
// clock: it makes restores run that many times faster (see lifecycle.ts), which is what a demo needs without
// teaching anyone that a session was created tomorrow.
export class SimulatedClock {
  private anchorRealMs: number;
  private anchorSimMs: number;

  constructor(private readonly realNow: () => number, readonly timeScale: number, startSimMs?: number) {
    this.anchorRealMs = realNow();
    // A persisted clock resumes where it stopped, or at real time if that is later.
    this.anchorSimMs = Math.max(startSimMs ?? this.anchorRealMs, this.anchorRealMs);
  }

  now(): number {
    return Math.floor(this.anchorSimMs + (this.realNow() - this.anchorRealMs));
  }

  advance(seconds: number): number {
    const current = this.now();
    this.anchorRealMs = this.realNow();
    this.anchorSimMs = current + seconds * 1000;
    return this.now();
  }

  /** Real milliseconds that a restore step of `seconds` takes at this time scale. */
  scaled(seconds: number): number {
    return (seconds * 1000) / this.timeScale;
  }
}
