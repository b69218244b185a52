// Where a connection may send a credential. Microsoft Graph connections talk to one of Microsoft's clouds
// (global, US Government L4, US Government L5 / DoD, China operated by 21Vianet): the sign-in authority and
// the Graph host must both belong to one of them, unless the user turned on custom endpoints. The token's
// scope is derived from the Graph origin it is sent to. An emulator connection is allowed only on loopback.
// Sources: learn.microsoft.com/graph/deployments (national cloud endpoints).

export interface MicrosoftCloud {
  name: string;
  /** Sign-in (Microsoft Entra) origins of this cloud. */
  authorityOrigins: readonly string[];
  /** Microsoft Graph origins served by this cloud. */
  graphOrigins: readonly string[];
}

export const MICROSOFT_CLOUDS: readonly MicrosoftCloud[] = [
  { name: 'Microsoft global', authorityOrigins: ['https://login.microsoftonline.com', 'https://login.microsoft.com'], graphOrigins: ['https://graph.microsoft.com'] },
  { name: 'US Government L4', authorityOrigins: ['https://login.microsoftonline.us'], graphOrigins: ['https://graph.microsoft.us'] },
  { name: 'US Government L5 (DoD)', authorityOrigins: ['https://login.microsoftonline.us'], graphOrigins: ['https://dod-graph.microsoft.us'] },
  { name: 'China (21Vianet)', authorityOrigins: ['https://login.chinacloudapi.cn', 'https://login.partner.microsoftonline.cn'], graphOrigins: ['https://microsoftgraph.chinacloudapi.cn'] },
];

export const DEFAULT_AUTHORITY_ORIGIN = 'https://login.microsoftonline.com';
export const DEFAULT_GRAPH_ORIGIN = 'https://graph.microsoft.com';

/** The endpoints a connection is refused for, in words. */
export class EndpointNotAllowedError extends Error {
  override readonly name = 'EndpointNotAllowedError';
}

/** The origin of a URL the user typed (scheme, host, port), or an error naming the setting. */
export function originOf(url: string, what: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new EndpointNotAllowedError(`The ${what} "${url}" is not a URL.`);
  }
  return parsed.origin;
}

export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
  } catch {
    return false;
  }
}

/**
 * Checks a Graph connection's sign-in authority and Graph origin. Both must be https and belong to the same
 * Microsoft cloud; with `allowCustom` (a user-scope setting) any https endpoints are accepted.
 */
export function checkGraphEndpoints(authorityOrigin: string, graphOrigin: string, allowCustom: boolean): void {
  for (const [origin, what] of [[authorityOrigin, 'sign-in authority'], [graphOrigin, 'Graph endpoint']] as const) {
    if (!origin.startsWith('https://')) throw new EndpointNotAllowedError(`The ${what} ${origin} is not https; a credential is only ever sent over https.`);
  }
  if (allowCustom) return;
  const cloud = MICROSOFT_CLOUDS.find((c) => c.authorityOrigins.includes(authorityOrigin) && c.graphOrigins.includes(graphOrigin));
  if (!cloud) {
    throw new EndpointNotAllowedError(
      `The sign-in authority ${authorityOrigin} and the Graph endpoint ${graphOrigin} are not one of Microsoft's clouds ` +
        `(${MICROSOFT_CLOUDS.map((c) => c.name).join(', ')}). To use other endpoints, turn on the user setting restoreSessions.allowCustomEndpoints.`,
    );
  }
}

/** An emulator connection only talks to loopback: its credentials are the emulator's demo ones, never a tenant's. */
export function checkEmulatorEndpoint(url: string): void {
  if (!isLoopbackUrl(url)) throw new EndpointNotAllowedError(`The emulator at ${url} is not on this machine (loopback); emulator connections only talk to 127.0.0.1, localhost or [::1].`);
}

/** The token scope for a Graph origin: `https://graph.microsoft.us/.default` for Graph in US Government L4. */
export function graphScopeFor(graphOrigin: string): string {
  return `${graphOrigin}/.default`;
}
