// Connections: where requests go and how they are authorised (settings, building one, the built-in emulator
// process, and the manager that holds the active one).
export { ConnectionManager } from './manager';
export {
  BUILT_IN_EMULATOR, EMULATOR_CONNECTION_ID, EmulatorStoppedError, SIGN_IN_LABELS, normalizeConfig,
} from './config';
export type { ApiVersion, Connection, ConnectionConfig, ConnectionKind, ConnectionSignIn } from './config';
export type { EmulatorIdentityInfo } from './builtInEmulator';
