// The emulator profile a test run asks for: `npm run test:profiles` runs the facade, tree-model and auto-refresh
// tests once per profile with EMULATOR_UNDOCUMENTED_OPTIONS set; unset, the emulator's own default applies.
import { UNDOCUMENTED_OPTION_PROFILES, type UndocumentedOptions } from '../../src/emulator';

export const PROFILE_ENV = 'EMULATOR_UNDOCUMENTED_OPTIONS';

export function profileFromEnv(): UndocumentedOptions | undefined {
  const raw = process.env[PROFILE_ENV];
  if (raw === undefined || raw === '') return undefined;
  const profile = UNDOCUMENTED_OPTION_PROFILES.find((p) => p === raw);
  if (!profile) throw new Error(`${PROFILE_ENV} must be one of ${UNDOCUMENTED_OPTION_PROFILES.join(', ')}, got '${raw}'.`);
  return profile;
}
