// Waiting on a condition instead of a fixed sleep: poll a probe until it yields a value, and fail naming what
// was awaited when it does not within the time limit. Free of vscode and src/, so every suite can use it.

/** Polls `probe` every `intervalMs` until it gives a value; fails after `timeoutMs` naming what it waited for. */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000, intervalMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
