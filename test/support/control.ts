// Emulator controls (`/_emulator/<path>`) over plain fetch, with the per-run control token when the emulator
// has one. Free of `vscode` and of src/ so that the integration tests (inside the extension host), the unit
// tests and the hardening suite all call the same function. Part of the one emulator test harness
// (test/support/emulator.ts starts the emulator and re-exports this).

/** The header the emulator reads its per-run control token from. */
export const CONTROL_TOKEN_HEADER = 'x-emulator-control-token';
/** The environment variable the test launchers (test/host) hand the token through. */
export const CONTROL_TOKEN_ENV = 'RESTORE_SESSIONS_EMULATOR_CONTROL_TOKEN';

/** A running emulator as the controls need it: its base URL and, when it has one, its control token. */
export interface ControlTarget {
  url: string;
  controlToken?: string;
}

/**
 * The control token of an emulator started in-process. Read by name because the field arrives with the
 * emulator's per-run token; an emulator without it yields undefined and the controls go without the header.
 */
export function controlTokenOf(emulator: object): string | undefined {
  const token = (emulator as { controlToken?: unknown }).controlToken;
  return typeof token === 'string' && token ? token : undefined;
}

/** The target for an emulator started in-process (`startEmulator`). */
export function controlTarget(emulator: { url: string }, url = emulator.url): ControlTarget {
  return { url, controlToken: controlTokenOf(emulator) };
}

/** Headers for a request to `/_emulator/…`: the control token when there is one. */
export function controlHeaders(target: ControlTarget): Record<string, string> {
  return target.controlToken ? { [CONTROL_TOKEN_HEADER]: target.controlToken } : {};
}

/**
 * Calls a control (`path` without the `/_emulator/` prefix, e.g. `clock/advance`) and returns its JSON answer
 * (undefined for an empty one). A body is sent as JSON; DELETE and GET without a body send none. Throws with
 * the status and the answer's text when the emulator refuses.
 */
export async function control<T = unknown>(target: ControlTarget, path: string, body?: unknown, method = 'POST'): Promise<T> {
  const headers: Record<string, string> = { ...controlHeaders(target) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${target.url}/_emulator/${path.replace(/^\/+/, '')}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`control ${path} → ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
