// App credentials (a client secret, or a certificate with its key): checking one before it is stored, and
// reading a PEM bundle the user picked.
import * as crypto from 'node:crypto';
import type { ClientCredential } from './types';

export function validateCredential(credential: ClientCredential): void {
  if (credential.kind === 'secret') {
    if (!credential.secret.trim()) throw new Error('The client secret is empty.');
    return;
  }
  try {
    const cert = new crypto.X509Certificate(credential.certificatePem);
    const key = crypto.createPrivateKey(credential.privateKeyPem);
    if (!cert.checkPrivateKey(key)) throw new Error('The private key does not belong to the certificate.');
  } catch (err) {
    throw new Error(`The certificate or its private key cannot be used: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Splits a PEM bundle (a .pem file with the certificate and its unencrypted private key) into a credential. */
export function parseCertificateBundle(pem: string): ClientCredential {
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  const key = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(pem)) throw new Error('The private key is encrypted; export it without a password (PEM) first.');
  if (!cert || !key) throw new Error('The file must contain a PEM certificate and its PEM private key.');
  const credential: ClientCredential = { kind: 'certificate', certificatePem: `${cert}\n`, privateKeyPem: `${key}\n` };
  validateCredential(credential);
  return credential;
}
