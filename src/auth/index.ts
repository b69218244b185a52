// Sign-in for Microsoft Graph (and the emulator's emulated identity) on msal-node. No vscode here: the
// extension supplies a SecretStore (SecretStorage) and the UI callbacks (show a device code, open a browser).
export { MsalTokenProvider } from './msalProvider';
export { GRAPH_DEFAULT_SCOPES, SIGN_IN_METHODS, SignInRequiredError, isAppOnly } from './types';
export type {
  AccountSummary, AuthLogLevel, ClientCredential, ConnectionAuth, DeviceCodePrompt, MsalTokenProviderOptions, SignInMethod, SignInRequest, SignInResult,
} from './types';
export { parseCertificateBundle } from './credentials';
export {
  VSCODE_MICROSOFT_PROVIDER, VSCODE_SOVEREIGN_PROVIDER, accountProviderFor, isProviderId, parseVscodeAccountScopes, vscodeAccountScopes,
} from './vscodeAccountScopes';
export {
  DEFAULT_AUTHORITY_ORIGIN, DEFAULT_GRAPH_ORIGIN, EndpointNotAllowedError, MICROSOFT_CLOUDS, checkEmulatorEndpoint, checkGraphEndpoints,
  graphScopeFor, isLoopbackUrl, originOf,
} from './clouds';
export { LoopbackRedirectServer, SignInCancelledError } from './loopback';
export { MsalNetworkModule } from './network';
export { SecretStoreCachePlugin } from './cachePlugin';
export { MemorySecretStore, secretKeys } from './secretStore';
export type { SecretBinding, SecretStore } from './secretStore';
export { adviceForForbidden, decodeTokenClaims, summarizeClaims, summarizeToken } from './claims';
export type { TokenSummary } from './claims';
export {
  BACKUP_PERMISSION_NAMES, OPERATION_RULES, PERMISSIONS, backupPermissionsIn, checkOperation, describeAccess, permissionName, ruleFor,
} from '../backup/model/permissions';
export type { OperationRule, PermissionCheck, PermissionInfo, PermissionKey } from '../backup/model/permissions';
export { redactSecrets } from './redact';
export { permissionsReport } from './report';
export type { ReportContext } from './report';
