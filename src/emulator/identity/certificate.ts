// A self-signed X.509 v3 certificate built with node:crypto and a minimal DER encoder, so the emulator can serve
// https (msal only accepts https authorities) on a machine without openssl. The certificate covers
// IP:127.0.0.1, IP:::1 and DNS:localhost, is its own trust anchor (the extension passes it as an extra CA to
// its HTTP transport), and is regenerated at every start unless the caller passes one in.
//
// DER in brief: every value is tag, length, content. Lengths < 128 are one byte; longer ones are 0x80|n then
// n big-endian bytes. Constructed types (SEQUENCE 0x30, SET 0x31, context tags 0xa0+n) hold encoded children.
import * as crypto from 'node:crypto';

export interface TlsCredentials {
  /** PEM certificate: serve it, and trust it as a CA on the client side. */
  cert: string;
  /** PEM PKCS#8 private key. */
  key: string;
}

export interface CertificateOptions {
  commonName?: string;
  /** DNS names for subjectAltName. Default ['localhost']. */
  dnsNames?: readonly string[];
  /** IP addresses (v4 or v6) for subjectAltName. Default ['127.0.0.1', '::1']. */
  ipAddresses?: readonly string[];
  /** Validity in days from now (starts an hour ago to absorb clock skew). Default 825. */
  days?: number;
  /** Reuse a key pair (PEM PKCS#8 private key) instead of generating a 2048-bit RSA key. */
  privateKeyPem?: string;
  /** Mark as a server certificate (extKeyUsage serverAuth, SANs). Default true. False makes a client-auth one. */
  server?: boolean;
}

// ---- DER primitives ----

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

export const sequence = (...items: Buffer[]): Buffer => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]): Buffer => tlv(0x31, Buffer.concat(items));
const explicit = (n: number, inner: Buffer): Buffer => tlv(0xa0 + n, inner);
const nullValue = (): Buffer => Buffer.from([0x05, 0x00]);
const octetString = (content: Buffer): Buffer => tlv(0x04, content);
const utf8String = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'));
const booleanValue = (v: boolean): Buffer => Buffer.from([0x01, 0x01, v ? 0xff : 0x00]);
/** BIT STRING with no unused bits. */
const bitString = (content: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), content]));

/** A non-negative INTEGER from big-endian bytes (a leading 0 keeps it positive). */
function integer(bytes: Buffer): Buffer {
  let b = bytes;
  while (b.length > 1 && b[0] === 0 && (b[1] & 0x80) === 0) b = b.subarray(1);
  if (b[0] & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
  return tlv(0x02, b);
}

export function oid(dotted: string): Buffer {
  const parts = dotted.split('.').map(Number);
  const out: number[] = [parts[0] * 40 + parts[1]];
  for (const part of parts.slice(2)) {
    const chunk: number[] = [part & 0x7f];
    for (let v = Math.floor(part / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/** UTCTime up to 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function time(date: Date): Buffer {
  const iso = date.toISOString(); // 2026-11-22T23:59:40.000Z
  const digits = iso.slice(0, 19).replace(/[-T:]/g, ''); // 20261122235940
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(`${digits.slice(2)}Z`, 'ascii')) : tlv(0x18, Buffer.from(`${digits}Z`, 'ascii'));
}

function ipBytes(ip: string): Buffer {
  if (ip.includes(':')) {
    const [head, tail = ''] = ip.split('::');
    const h = head ? head.split(':') : [];
    const t = tail ? tail.split(':') : [];
    const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
    return Buffer.from(groups.flatMap((g) => { const v = parseInt(g, 16); return [v >> 8, v & 0xff]; }));
  }
  return Buffer.from(ip.split('.').map(Number));
}

const OID = {
  sha256WithRSA: '1.2.840.113549.1.1.11',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyIdentifier: '2.5.29.14',
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
};

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return sequence(oid(id), ...(critical ? [booleanValue(true)] : []), octetString(value));
}

function toPem(label: string, der: Buffer): string {
  const b64 = der.toString('base64').replace(/.{1,64}/g, '$&\n');
  return `-----BEGIN ${label}-----\n${b64}-----END ${label}-----\n`;
}

/** A self-signed RSA/SHA-256 certificate and its key, both PEM. Takes ~100 ms (key generation). */
export function createSelfSignedCertificate(options: CertificateOptions = {}): TlsCredentials {
  const privateKey = options.privateKeyPem
    ? crypto.createPrivateKey(options.privateKeyPem)
    : crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const publicKey = crypto.createPublicKey(privateKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const server = options.server ?? true;
  const dnsNames = options.dnsNames ?? (server ? ['localhost'] : []);
  const ips = options.ipAddresses ?? (server ? ['127.0.0.1', '::1'] : []);
  const now = Date.now();
  const notBefore = new Date(now - 60 * 60 * 1000);
  const notAfter = new Date(now + (options.days ?? 825) * 24 * 60 * 60 * 1000);
  const name = sequence(
    set(sequence(oid(OID.organization), utf8String('Backup Storage emulator'))),
    set(sequence(oid(OID.commonName), utf8String(options.commonName ?? (server ? 'localhost' : 'emulator-client')))),
  );
  const algorithm = sequence(oid(OID.sha256WithRSA), nullValue());
  const serial = crypto.randomBytes(16);
  serial[0] &= 0x7f;

  const extensions: Buffer[] = [
    // A self-signed end-entity certificate that is also its own trust anchor.
    extension(OID.basicConstraints, true, sequence()),
    // digitalSignature + keyEncipherment: BIT STRING with 5 unused bits, value 0b101 << 5.
    extension(OID.keyUsage, true, tlv(0x03, Buffer.from([0x05, 0xa0]))),
    extension(OID.extKeyUsage, false, sequence(oid(server ? OID.serverAuth : OID.clientAuth))),
    extension(OID.subjectKeyIdentifier, false, octetString(crypto.createHash('sha1').update(spki).digest())),
  ];
  if (dnsNames.length + ips.length > 0) {
    const names = [
      ...dnsNames.map((d) => tlv(0x82, Buffer.from(d, 'ascii'))), // [2] dNSName
      ...ips.map((ip) => tlv(0x87, ipBytes(ip))), // [7] iPAddress
    ];
    extensions.push(extension(OID.subjectAltName, false, sequence(...names)));
  }

  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    algorithm,
    name,
    sequence(time(notBefore), time(notAfter)),
    name,
    spki,
    explicit(3, sequence(...extensions)),
  );
  const signature = crypto.sign('sha256', tbs, privateKey);
  const der = sequence(tbs, algorithm, bitString(signature));
  return {
    cert: toPem('CERTIFICATE', der),
    key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** Base64url SHA-256 (or SHA-1) thumbprint of a PEM certificate's DER, as in a JWT `x5t#S256` (`x5t`) header. */
export function certificateThumbprint(certPem: string, algorithm: 'sha256' | 'sha1' = 'sha256'): string {
  return crypto.createHash(algorithm).update(new crypto.X509Certificate(certPem).raw).digest('base64url');
}

/** Hex SHA-256 thumbprint (what msal-node's `clientCertificate.thumbprintSha256` expects). */
export function certificateThumbprintHex(certPem: string, algorithm: 'sha256' | 'sha1' = 'sha256'): string {
  return crypto.createHash(algorithm).update(new crypto.X509Certificate(certPem).raw).digest('hex').toUpperCase();
}
