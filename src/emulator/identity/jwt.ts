// Compact JWS (JWT) signing and verification with node:crypto: RS256 for the tokens the emulator issues,
// RS256 and PS256 for client assertions (msal-node signs certificate assertions with PS256 + x5t#S256).
import * as crypto from 'node:crypto';

export interface JwtHeader {
  alg: string;
  typ?: string;
  kid?: string;
  x5t?: string;
  'x5t#S256'?: string;
  x5c?: string | string[];
  [name: string]: unknown;
}

export type JwtPayload = Record<string, unknown>;

export interface DecodedJwt {
  header: JwtHeader;
  payload: JwtPayload;
  signingInput: string;
  signature: Buffer;
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

export function signJwt(header: JwtHeader, payload: JwtPayload, key: crypto.KeyObject): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  const signature = header.alg === 'PS256'
    ? crypto.sign('sha256', Buffer.from(input), { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_DIGEST })
    : crypto.sign('sha256', Buffer.from(input), key);
  return `${input}.${signature.toString('base64url')}`;
}

/** Splits and parses a compact JWT; undefined when it is not one. Does not check the signature. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p)) || !parts[0] || !parts[1]) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8')) as JwtHeader;
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as JwtPayload;
    if (!header || typeof header !== 'object' || typeof header.alg !== 'string' || !payload || typeof payload !== 'object' || Array.isArray(payload)) {
      return undefined;
    }
    return { header, payload, signingInput: `${parts[0]}.${parts[1]}`, signature: Buffer.from(parts[2], 'base64url') };
  } catch {
    return undefined;
  }
}

/** True when the signature is valid for `key` under the header's algorithm (RS256 or PS256 only). */
export function verifySignature(jwt: DecodedJwt, key: crypto.KeyObject): boolean {
  const data = Buffer.from(jwt.signingInput);
  try {
    if (jwt.header.alg === 'RS256') return crypto.verify('sha256', data, key, jwt.signature);
    if (jwt.header.alg === 'PS256') {
      return crypto.verify('sha256', data, { key, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: crypto.constants.RSA_PSS_SALTLEN_AUTO }, jwt.signature);
    }
  } catch {
    return false;
  }
  return false;
}
