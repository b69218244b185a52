// The one emulator test harness: starts the real emulator in-process on 127.0.0.1, port 0 (a free port), and
// calls its controls with the per-run control token (test/support/control.ts). Unit, api, hardening and
// identity tests start their emulator here; the integration tests and the e2e walk get theirs from the
// launchers in test/host and call the same `control`.
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator';
import { control, controlTarget, type ControlTarget } from './control';

export { CONTROL_TOKEN_ENV, CONTROL_TOKEN_HEADER, control, controlHeaders, controlTarget, controlTokenOf, type ControlTarget } from './control';

/** A running in-process emulator with its controls bound to it. */
export interface TestEmulator {
  emulator: RunningEmulator;
  target: ControlTarget;
  control<T = unknown>(path: string, body?: unknown, method?: string): Promise<T>;
  close(): Promise<void>;
}

/** Starts the emulator on 127.0.0.1:0 with the empty seed unless `options` says otherwise. */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'empty', ...options });
  const target = controlTarget(emulator);
  return {
    emulator,
    target,
    control: <T = unknown>(path: string, body?: unknown, method?: string) => control<T>(target, path, body, method),
    close: () => emulator.close(),
  };
}
