// The emulated Microsoft identity platform (Entra ID v2.0 endpoints) for the Backup Storage emulator, enough for
// real msal-node flows offline: OIDC discovery, JWKS, the token endpoint (client credentials with a secret or a
// certificate assertion, device code, refresh token, authorization code + PKCE), the device code endpoint, an
// authorize page and a device-login page that approve demo users, and shortcuts that approve a device code or
// mint a token without a browser. `verify` checks the bearer token of a Graph call against the permission table
// of src/backup/model/permissions.ts and throws EmulatorError 401/403 the way Graph answers.
//
// This file only assembles the service over one state object (state.ts): tokens.ts mints, grants.ts runs the
// token endpoint's grants, verify.ts checks Graph calls, pages.ts serves the browser pages, routes.ts routes.
import { isIdentityPath, handleIdentityRequest } from './routes';
import { approveDeviceCode } from './grants';
import { createIdentityState, registerCertificate } from './state';
import { issueAccessToken } from './tokens';
import type { IdentityService, IdentityServiceOptions } from './types';
import { verify } from './verify';

export { GRAPH_RESOURCE } from './types';
export type { AccessRequirement, DemoCredentials, IdentityService, IdentityServiceOptions, VerifiedClaims } from './types';
export { isLoopbackRedirect } from './pages';

export function createIdentityService(options: IdentityServiceOptions = {}): IdentityService {
  const state = createIdentityState(options);
  return {
    tenantId: state.demo.tenantId,
    tls: state.tls,
    demo: state.demo,
    stats: state.stats,
    isIdentityPath,
    handle: (req, res) => handleIdentityRequest(state, req, res),
    setPublicOrigin: (origin) => { state.publicOrigin = origin.replace(/\/+$/, ''); },
    setBrowserOrigin: (origin) => { state.browserOrigin = origin.replace(/\/+$/, ''); },
    verify: (authorization, requirement) => verify(state, authorization, requirement),
    approveDeviceCode: (userCode, user, deny) => approveDeviceCode(state, userCode, user, deny),
    issueAccessToken: (subject) => issueAccessToken(state, subject),
    registerCertificate: (clientId, certPem) => registerCertificate(state, clientId, certPem),
  };
}
