// Emulated identity for the Backup Storage emulator: OIDC/OAuth endpoints for msal-node, bearer-token
// verification for Graph routes, and the self-signed TLS certificate of the https listener. Self-contained:
// the emulator server wires it in (see createIdentityService in service.ts for the routes).
export { createIdentityService, isLoopbackRedirect, GRAPH_RESOURCE } from './service';
export type { AccessRequirement, DemoCredentials, IdentityService, IdentityServiceOptions, VerifiedClaims } from './service';
export { createSelfSignedCertificate, certificateThumbprint, certificateThumbprintHex } from './certificate';
export type { CertificateOptions, TlsCredentials } from './certificate';
export {
  ADMIN_PERMISSIONS, DEMO_ADMIN_APP, DEMO_APPS, DEMO_PUBLIC_CLIENT, DEMO_READER_APP, DEMO_TENANT, DEMO_USERS, READER_PERMISSIONS, findUser,
} from './directory';
export type { DemoApp, DemoUser } from './directory';
export { decodeJwt, signJwt, verifySignature } from './jwt';
export { createAuthenticateHook, listenHttps, verifyGraphRequest, withIdentity } from './hook';
export type { HttpsListener } from './hook';
