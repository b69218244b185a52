// `GET /v1.0/$metadata`: Microsoft's v1.0 CSDL for Backup Storage (the types, enums and containment of
// graph-v1-backup-csdl.xml, taken from microsoftgraph/msgraph-metadata), wrapped in the EDMX envelope Graph
// serves. It is the Backup Storage part only, not all of Graph. `/beta/$metadata` answers 501 until the beta
// schema is bundled. The XML ships next to the emulator (esbuild.js copies it to dist/metadata/).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmulatorError } from '../errors';
import type { Reply } from '../service/context';

const FILE = 'graph-v1-backup-csdl.xml';
/** dist/metadata (the bundle), this folder (sources), and the sources seen from the compiled tests under out/. */
const CANDIDATES = [join(__dirname, 'metadata', FILE), join(__dirname, FILE), join(__dirname, '..', '..', '..', '..', 'src', 'emulator', 'metadata', FILE)];

let v1: string | undefined;

function loadV1(): string {
  if (v1 !== undefined) return v1;
  const file = CANDIDATES.find((candidate) => existsSync(candidate));
  if (!file) throw new EmulatorError(500, 'InternalServerError', `The emulator's copy of the v1.0 metadata (${FILE}) is missing from its installation.`);
  v1 = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">',
    '  <edmx:DataServices>',
    '    <!-- The Microsoft 365 Backup Storage part of Microsoft Graph v1.0, as the local emulator serves it. -->',
    '    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">',
    readFileSync(file, 'utf8'),
    '    </Schema>',
    '  </edmx:DataServices>',
    '</edmx:Edmx>',
    '',
  ].join('\n');
  return v1;
}

export function metadataReply(version: string): Reply {
  if (version !== 'v1.0') {
    throw new EmulatorError(501, 'NotImplemented', `The ${version} metadata is not emulated yet; GET /v1.0/$metadata serves the v1.0 Backup Storage schema.`);
  }
  return { status: 200, text: { value: loadV1(), contentType: 'application/xml; charset=utf-8' } };
}
