// What a connection is: one entry of `restoreSessions.connections` (or the built-in emulator connection), read
// from untrusted JSON into a checked shape, and the built connection the rest of the extension uses.
import type { ConnectionAuth, SignInMethod } from '../../auth';
import type { ApiVersion, BackupApi } from '../../backup/api';
import { l10n } from '../../backup/l10n';

export type ConnectionKind = 'emulator' | 'graph';
export type { ApiVersion };
/** `none`: no Authorization header (the emulator with `--auth off`). */
export type ConnectionSignIn = SignInMethod | 'none';

/** One entry of `restoreSessions.connections` (and the built-in emulator connection). */
export interface ConnectionConfig {
  id: string;
  label: string;
  kind: ConnectionKind;
  /** Tenant id or domain (Graph), or the emulator's tenant (`contoso`, the default). */
  tenant?: string;
  /** App registration (Graph) or emulator demo client; the emulator's demo ids are used when empty. */
  clientId?: string;
  signIn: ConnectionSignIn;
  apiVersion: ApiVersion;
  /** Graph: `https://graph.microsoft.com` (default) or a national cloud. Emulator: ignored (the emulator's own URL). */
  baseUrl?: string;
  /** Graph: `https://login.microsoftonline.com` (default) or a national cloud's login host. */
  authorityHost?: string;
  /**
   * Sign-in `vscodeAccount`: the VS Code authentication provider to ask (default `microsoft`, or
   * `microsoft-sovereign-cloud` for a national cloud's login host); tests name their own provider here.
   */
  accountProvider?: string;
}

export interface Connection {
  id: string;
  label: string;
  /** Version root, e.g. http://127.0.0.1:4000/v1.0 or https://graph.microsoft.com/beta */
  baseUrl: string;
  api: BackupApi;
  isEmulator: boolean;
  kind: ConnectionKind;
  apiVersion: ApiVersion;
  signIn: ConnectionSignIn;
  config: ConnectionConfig;
  /** Token provider for signed-in connections (absent when `signIn` is `none`). */
  auth?: ConnectionAuth;
  /** `https://127.0.0.1:<port>/contoso` or `https://login.microsoftonline.com/<tenant>`. */
  authority?: string;
}

export const EMULATOR_CONNECTION_ID = 'emulator';
export const BUILT_IN_EMULATOR: ConnectionConfig = {
  id: EMULATOR_CONNECTION_ID,
  get label() { return l10n.t('Local emulator'); },
  kind: 'emulator',
  signIn: 'none',
  apiVersion: 'v1.0',
};

export const SIGN_IN_LABELS: Record<ConnectionSignIn, string> = {
  get none() { return l10n.t('No sign-in'); },
  get vscodeAccount() { return l10n.t('VS Code account'); },
  get deviceCode() { return l10n.t('Device code'); },
  get interactive() { return l10n.t('Browser (interactive)'); },
  get clientSecret() { return l10n.t('App: client secret'); },
  get clientCertificate() { return l10n.t('App: certificate'); },
};

const METHODS: readonly ConnectionSignIn[] = ['none', 'vscodeAccount', 'deviceCode', 'interactive', 'clientSecret', 'clientCertificate'];

/** A settings entry as a connection, or undefined when it has no id. Unknown fields are dropped. */
export function normalizeConfig(value: unknown): ConnectionConfig | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const str = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : undefined);
  const id = str(v.id);
  if (!id) return undefined;
  const kind: ConnectionKind = v.kind === 'graph' ? 'graph' : 'emulator';
  const signIn = METHODS.includes(v.signIn as ConnectionSignIn) ? (v.signIn as ConnectionSignIn) : kind === 'graph' ? 'deviceCode' : 'none';
  return {
    id,
    label: str(v.label) ?? id,
    kind,
    tenant: str(v.tenant),
    clientId: str(v.clientId),
    signIn,
    apiVersion: v.apiVersion === 'beta' ? 'beta' : 'v1.0',
    baseUrl: str(v.baseUrl),
    authorityHost: str(v.authorityHost),
    accountProvider: str(v.accountProvider),
  };
}

/** The user stopped the built-in emulator; it starts again only when asked (Start Local Emulator). */
export class EmulatorStoppedError extends Error {
  constructor() {
    super(l10n.t('The built-in Backup Storage emulator is stopped.'));
    this.name = 'EmulatorStoppedError';
  }
}
