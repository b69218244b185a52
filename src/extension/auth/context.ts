// What the connection and sign-in commands work with, and their ids. Kept apart from the command list so the
// command files can share it without importing each other or the extension's command registry.
import type { ConnectionManager } from '../connections';
import type { Log } from '../log';

export interface AuthCommandContext {
  connections: ConnectionManager;
  log: Log;
}

export const AUTH_COMMAND_IDS = {
  switchConnection: 'restoreSessions.switchConnection',
  addConnection: 'restoreSessions.addConnection',
  removeConnection: 'restoreSessions.removeConnection',
  signIn: 'restoreSessions.signIn',
  signOut: 'restoreSessions.signOut',
  checkPermissions: 'restoreSessions.checkPermissions',
} as const;
