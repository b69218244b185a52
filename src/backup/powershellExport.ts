// The reproduction of a session as a PowerShell script for the Microsoft Graph PowerShell SDK. Two styles:
// `invoke` sends every request with Invoke-MgGraphRequest; `cmdlets` creates and activates with the
// Microsoft.Graph.BackupRestore cmdlets whose names the module reference confirms
// (New-MgSolutionBackupRestore{Exchange|SharePoint|OneDriveForBusiness}RestoreSession,
// Initialize-MgSolutionBackupRestoreSession -RestoreSessionBaseId) and sends the rest with Invoke-MgGraphRequest.
// Every server value is on one line and single-quoted for PowerShell (./exportQuoting); no token is written.
import type { HttpExportOptions, SessionContents } from './exports';
import { header, reproduction } from './exports';
import { commentText, oneLineJson, psQuote } from './exportQuoting';
import type { RestoreSession, Workload } from './model';

/**
 * How the script gets its token: from the Connect-MgGraph sign-in (the script holds none), or from a token the
 * admin already has, read from an environment variable. No placeholder that could pass for a leaked secret.
 */
const SIGN_IN = [
  'The script holds no token: it uses the',
  'Connect-MgGraph sign-in below (an account or app with BackupRestore-Restore.ReadWrite.All).',
  'To use a token you already have, put it in $env:GRAPH_ACCESS_TOKEN and sign in with',
  '  Connect-MgGraph -AccessToken (ConvertTo-SecureString $env:GRAPH_ACCESS_TOKEN -AsPlainText -Force)',
  'instead (the local emulator accepts any token).',
];

export interface PowerShellExportOptions extends HttpExportOptions {
  style?: 'invoke' | 'cmdlets';
}

/** `exchangeRestoreSessions` → `ExchangeRestoreSession`, the noun of the module's cmdlets. */
export function sessionCmdletNoun(workload: Workload): string {
  const singular = workload.sessionCollection.replace(/s$/, '');
  return singular.charAt(0).toUpperCase() + singular.slice(1);
}

/** A PowerShell script that recreates and activates a session like this one. */
export function powershellScript(workload: Workload, session: RestoreSession, contents: SessionContents, options: PowerShellExportOptions): string {
  const { requests, notes } = reproduction(workload, session, contents);
  const style = options.style ?? 'invoke';
  const lines = [
    ...header(workload, session, options, '#', SIGN_IN),
    '# Needs the Microsoft Graph PowerShell SDK (PowerShell 7). Sign in first:',
    "#   Connect-MgGraph -Scopes 'BackupRestore-Restore.ReadWrite.All'",
    "$ErrorActionPreference = 'Stop'",
    `$Base = ${psQuote(commentText(options.baseUrl).replace(/\/+$/, ''))}`,
    "$Headers = @{ Prefer = 'include-unknown-enum-members' }",
    '',
  ];
  for (const note of notes) lines.push(`# ${note}`);
  requests.forEach((request, index) => {
    lines.push(`# ${index + 1}. ${commentText(request.title)}`);
    const uri = `(${['$Base', ...request.path.split('{id}').flatMap((part, i) => (i ? ['$Id', psQuote(part)] : [psQuote(part)]))].filter((p) => p !== "''").join(' + ')})`;
    const body = request.body === undefined ? '' : ` -Body ${psQuote(oneLineJson(request.body))} -ContentType 'application/json'`;
    const activates = request.method === 'POST' && request.path.endsWith('/activate');
    if (index === 0 && style === 'cmdlets') {
      lines.push(`$Body = ConvertFrom-Json -AsHashtable -InputObject ${psQuote(oneLineJson(request.body ?? {}))}`);
      lines.push(`$Session = New-MgSolutionBackupRestore${sessionCmdletNoun(workload)} -BodyParameter $Body -Headers $Headers`, '$Id = $Session.Id');
    } else if (index === 0) {
      lines.push(`$Session = Invoke-MgGraphRequest -Method POST -Uri ${uri}${body} -Headers $Headers`, "$Id = $Session['id']");
    } else if (activates && style === 'cmdlets') {
      lines.push('Initialize-MgSolutionBackupRestoreSession -RestoreSessionBaseId $Id');
    } else {
      lines.push(`Invoke-MgGraphRequest -Method ${request.method} -Uri ${uri}${body} -Headers $Headers`);
    }
    if (index === 0) lines.push('Write-Output "created session $Id"');
  });
  return lines.join('\n') + '\n';
}
