// Sign-in and connections in the extension: SecretStorage adapter, commands, status bar.
export { VsCodeSecretStore } from './secretStorage';
export { AUTH_COMMANDS, authCommands } from './commands';
export type { AuthCommandContext } from './commands';
export { ConnectionStatusBar } from './statusBar';
export { checkPermissionsLabel, signInLabel, checkPermissionsArgs, isSignInRequired } from './forbidden';
