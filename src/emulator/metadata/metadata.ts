// `GET /v1.0/$metadata` and `GET /beta/$metadata`: Microsoft's CSDL for Backup Storage (graph-v1-backup-csdl.xml,
// taken from microsoftgraph/msgraph-metadata; beta-backup-csdl.xml, that part plus the beta-only names and types,
// sources in its header comment), wrapped in the EDMX envelope Graph serves. It is the Backup Storage part only,
// not all of Graph. The XML ships next to the emulator (esbuild.js copies it to dist/metadata/).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorError } from '../errors';
import type { Reply } from '../service/context';

const FILES: Record<string, string> = { 'v1.0': 'graph-v1-backup-csdl.xml', beta: 'beta-backup-csdl.xml' };

/** dist/metadata (the bundle), this folder (sources), and the sources seen from the compiled tests under out/. */
const candidates = (file: string): string[] => [join(__dirname, 'metadata', file), join(__dirname, file), join(__dirname, '..', '..', '..', '..', 'src', 'emulator', 'metadata', file)];

const loaded = new Map<string, string>();

function load(version: string): string {
  const cached = loaded.get(version);
  if (cached !== undefined) return cached;
  const name = FILES[version];
  const file = name ? candidates(name).find((candidate) => existsSync(candidate)) : undefined;
  if (!file) throw new EmulatorError(500, 'InternalServerError', `The emulator's copy of the ${version} metadata (${name ?? 'none'}) is missing from its installation.`);
  const document = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '  <edmx:DataServices>',
    `    <!-- The Microsoft 365 Backup Storage part of Microsoft Graph ${version}, as the local emulator serves it. -->`,
    '    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">',
    readFileSync(file, 'utf8'),
    '    </Schema>',
    '  </edmx:DataServices>',
    '</edmx:Edmx>',
    '',
  ].join('\n');
  loaded.set(version, document);
  return document;
}

export function metadataReply(version: string): Reply {
  return { status: 200, text: { value: load(version), contentType: 'application/xml; charset=utf-8' } };
}
