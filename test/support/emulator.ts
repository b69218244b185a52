// The one emulator test harness: starts the real emulator in-process on 127.0.0.1, port 0 (a free port), and
// calls its controls with the per-run control token (test/support/control.ts). Unit, api, hardening and
// identity tests start their emulator here; the integration tests and the e2e walk get theirs from the
// launchers in test/host and call the same `control`.
import { startEmulator, UNDOCUMENTED_OPTION_PROFILES, type EmulatorOptions, type RunningEmulator, type UndocumentedOptions } from '../../src/emulator';
import { control, controlTarget, type ControlTarget } from './control';

export { CONTROL_TOKEN_ENV, CONTROL_TOKEN_HEADER, control, controlHeaders, controlTarget, controlTokenOf, type ControlTarget } from './control';

/** A running in-process emulator with its controls bound to it. */
export interface TestEmulator {
  emulator: RunningEmulator;
  target: ControlTarget;
  control<T = unknown>(path: string, body?: unknown, method?: string): Promise<T>;
  close(): Promise<void>;
}

/** `npm run test:profiles` sets it to run the same tests against each emulator profile (refuse, ignore, honour). */
export const PROFILE_ENV = 'EMULATOR_UNDOCUMENTED_OPTIONS';

/** The profile the run asks for; unset, the emulator's own default applies. */
export function profileFromEnv(): UndocumentedOptions | undefined {
  const raw = process.env[PROFILE_ENV];
  if (raw === undefined || raw === '') return undefined;
  const profile = UNDOCUMENTED_OPTION_PROFILES.find((p) => p === raw);
  if (!profile) throw new Error(`${PROFILE_ENV} must be one of ${UNDOCUMENTED_OPTION_PROFILES.join(', ')}, got '${raw}'.`);
  return profile;
}

/**
 * Starts the emulator on 127.0.0.1:0 with the empty seed and the run's profile for undocumented query options
 * unless `options` says otherwise.
 */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, host: '127.0.0.1', seed: 'empty', undocumentedOptions: profileFromEnv(), ...options });
  const target = controlTarget(emulator);
  return {
    emulator,
    target,
    control: <T = unknown>(path: string, body?: unknown, method?: string) => control<T>(target, path, body, method),
    close: () => emulator.close(),
  };
}
