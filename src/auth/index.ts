// Sign-in for Microsoft Graph (and the emulator's emulated identity) on msal-node. No vscode here: the
// extension supplies a SecretStore (SecretStorage) and the UI callbacks (show a device code, open a browser).
export {
  GRAPH_DEFAULT_SCOPES, MsalTokenProvider, SIGN_IN_METHODS, SignInRequiredError, isAppOnly, parseCertificateBundle,
} from './msalProvider';
export type {
  AccountSummary, AuthLogLevel, ClientCredential, DeviceCodePrompt, MsalTokenProviderOptions, SignInMethod, SignInRequest, SignInResult,
} from './msalProvider';
export { LoopbackRedirectServer, SignInCancelledError } from './loopback';
export { MsalNetworkModule } from './network';
export { SecretStoreCachePlugin } from './cachePlugin';
export { MemorySecretStore, secretKeys } from './secretStore';
export type { SecretStore } from './secretStore';
export { adviceForForbidden, decodeTokenClaims, summarizeClaims, summarizeToken } from './claims';
export type { TokenSummary } from './claims';
export {
  BACKUP_PERMISSION_NAMES, OPERATION_RULES, PERMISSIONS, backupPermissionsIn, checkOperation, describeAccess, permissionName, ruleFor,
} from '../backup/model/permissions';
export type { OperationRule, PermissionCheck, PermissionInfo, PermissionKey } from '../backup/model/permissions';
export { redactSecrets } from './redact';
export { permissionsReport } from './report';
export type { ReportContext } from './report';
