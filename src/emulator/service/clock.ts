// The simulated clock. Simulated time runs `timeScale` times faster than real time and can be pushed forward
// by the test controls; it never goes backwards, so lifecycle states computed from it are monotonic.
export class SimulatedClock {
  private anchorRealMs: number;
  private anchorSimMs: number;

  constructor(private readonly realNow: () => number, readonly timeScale: number, startSimMs?: number) {
    this.anchorRealMs = realNow();
    // A persisted clock resumes where it stopped, or at real time if that is later.
    this.anchorSimMs = Math.max(startSimMs ?? this.anchorRealMs, this.anchorRealMs);
  }

  now(): number {
    return Math.floor(this.anchorSimMs + (this.realNow() - this.anchorRealMs) * this.timeScale);
  }

  advance(seconds: number): number {
    const current = this.now();
    this.anchorRealMs = this.realNow();
    this.anchorSimMs = current + seconds * 1000;
    return this.now();
  }
}
