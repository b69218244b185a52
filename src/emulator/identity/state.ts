// The one state object of the emulated identity service: options resolved to values, the signing key, the
// registered app certificates, the demo directory, the pending codes and refresh tokens, counters and the
// public origins. Every part of the service (tokens, grants, verify, pages, routes) reads and writes this.
import * as crypto from 'node:crypto';
import { certificateThumbprint, createSelfSignedCertificate, type TlsCredentials } from './certificate';
import {
  DEMO_ADMIN_APP, DEMO_APPS, DEMO_PUBLIC_CLIENT, DEMO_READER_APP, DEMO_TENANT, DEMO_USERS, type DemoApp, type DemoUser,
} from './directory';
import type { DemoCredentials, IdentityServiceOptions } from './types';

export interface AuthCode { clientId: string; redirectUri: string; challenge?: string; method?: string; user: DemoUser; scopes: string[]; nonce?: string; expiresAt: number }
export interface DeviceCode { userCode: string; clientId: string; scopes: string[]; expiresAt: number; state: 'pending' | 'approved' | 'denied'; user?: DemoUser }
export interface RefreshGrant { clientId: string; user: DemoUser; scopes: string[]; expiresAt: number }

export interface IdentityState {
  /** Wall clock in seconds. */
  nowS(): number;
  tokenLifetime: number;
  refreshLifetime: number;
  deviceLifetime: number;
  deviceInterval: number;
  log: (line: string) => void;
  tls: TlsCredentials;
  signingKey: crypto.KeyObject;
  publicKey: crypto.KeyObject;
  kid: string;
  /** PEM certificates accepted for client assertions, per client id. */
  certificates: Map<string, string[]>;
  apps: Map<string, DemoApp>;
  users: readonly DemoUser[];
  codes: Map<string, AuthCode>;
  deviceCodes: Map<string, DeviceCode>;
  refreshTokens: Map<string, RefreshGrant>;
  stats: Record<string, number>;
  demo: DemoCredentials;
  /** The https origin named in WWW-Authenticate, once the server listens. */
  publicOrigin?: string;
  /** The origin of the pages a person opens in a browser. */
  browserOrigin?: string;
}

export function createIdentityState(options: IdentityServiceOptions): IdentityState {
  const now = options.now ?? Date.now;
  const signingKey = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const publicKey = crypto.createPublicKey(signingKey);
  const appCert = createSelfSignedCertificate({ server: false, commonName: DEMO_ADMIN_APP.displayName });
  const state: IdentityState = {
    nowS: () => Math.floor(now() / 1000),
    tokenLifetime: options.tokenLifetimeSeconds ?? 3600,
    refreshLifetime: options.refreshTokenLifetimeSeconds ?? 24 * 3600,
    deviceLifetime: options.deviceCodeLifetimeSeconds ?? 900,
    deviceInterval: options.deviceCodeIntervalSeconds ?? 1,
    log: options.log ?? (() => undefined),
    tls: options.tls ?? createSelfSignedCertificate(),
    signingKey,
    publicKey,
    kid: crypto.createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64url').slice(0, 27),
    certificates: new Map(),
    apps: new Map(DEMO_APPS.map((a) => [a.clientId, a])),
    users: DEMO_USERS,
    codes: new Map(),
    deviceCodes: new Map(),
    refreshTokens: new Map(),
    stats: {},
    demo: {
      tenantId: DEMO_TENANT.id,
      tenantName: DEMO_TENANT.name,
      adminApp: { clientId: DEMO_ADMIN_APP.clientId, secret: DEMO_ADMIN_APP.secret ?? '', certificate: { ...appCert, thumbprintSha256: certificateThumbprint(appCert.cert) } },
      readerApp: { clientId: DEMO_READER_APP.clientId, secret: DEMO_READER_APP.secret ?? '' },
      publicClientId: DEMO_PUBLIC_CLIENT.clientId,
      users: DEMO_USERS,
    },
  };
  registerCertificate(state, DEMO_ADMIN_APP.clientId, appCert.cert);
  for (const [clientId, pems] of Object.entries(options.appCertificates ?? {})) pems.forEach((p) => registerCertificate(state, clientId, p));
  return state;
}

/** Accepts another certificate (PEM) for a confidential app's client assertions; throws on garbage. */
export function registerCertificate(state: IdentityState, clientId: string, certPem: string): void {
  new crypto.X509Certificate(certPem);
  state.certificates.set(clientId, [...(state.certificates.get(clientId) ?? []), certPem]);
}

export function countGrant(state: IdentityState, key: string): void {
  state.stats[key] = (state.stats[key] ?? 0) + 1;
}

/** True for the tenant segments this tenant answers to: its GUID, name, domain, `organizations` and `common`. */
export function tenantOk(segment: string): boolean {
  let v: string;
  try {
    v = decodeURIComponent(segment).toLowerCase();
  } catch {
    return false; // a malformed escape is no tenant of ours
  }
  return v === DEMO_TENANT.id || v === DEMO_TENANT.name || v === DEMO_TENANT.domain || v === 'organizations' || v === 'common';
}

export const issuerFor = (origin: string): string => `${origin}/${DEMO_TENANT.id}/v2.0`;
