// The Check Permissions report as Markdown: who the token is for, which Backup Storage permissions it has,
// which operations they allow, and what to change after a 403. Pure text, so it is unit-tested.
import { adviceForForbidden, type TokenSummary } from './claims';
import { PERMISSIONS, ruleFor } from '../backup/model/permissions';

export interface ReportContext {
  connectionLabel: string;
  /** `https://login.microsoftonline.com/<tenant>` or the emulator's authority. */
  authority?: string;
  /** The call that failed with 403, when the report was opened from one. */
  focus?: { method: string; path: string };
}

export function permissionsReport(summary: TokenSummary, context: ReportContext): string {
  const lines: string[] = [];
  const who = summary.kind === 'delegated'
    ? `user **${summary.user ?? summary.objectId ?? 'unknown'}**${summary.name ? ` (${summary.name})` : ''}, delegated permissions (\`scp\`)`
    : `app **${summary.appName ?? summary.clientId ?? 'unknown'}** (app-only, application permissions in \`roles\`)`;
  lines.push(`# Permissions: ${context.connectionLabel}`, '');
  lines.push(`The current access token is for ${who}.`, '');
  lines.push(`| | |`, `|---|---|`);
  lines.push(`| Tenant | \`${summary.tenantId ?? '?'}\` |`);
  lines.push(`| Client id | \`${summary.clientId ?? '?'}\` |`);
  if (context.authority) lines.push(`| Authority | ${context.authority} |`);
  lines.push(`| Audience | ${summary.audience ?? '?'} |`);
  if (summary.expiresAt) lines.push(`| Expires | ${summary.expiresAt.toISOString()} |`);
  lines.push('');

  if (context.focus) {
    const rule = ruleFor(context.focus.method, context.focus.path);
    lines.push(`## Why "${rule.label}" was refused`, '', adviceForForbidden(summary, context.focus.method, context.focus.path), '');
  }

  lines.push('## Backup Storage permissions in the token', '');
  if (summary.backupPermissions.length === 0) {
    lines.push('None. The token carries no `BackupRestore-*` permission, so every restore operation answers 403.', '');
  } else {
    for (const key of summary.backupPermissions) lines.push(`- \`${PERMISSIONS[key].name}\`: ${PERMISSIONS[key].description}`);
    lines.push('');
  }
  const others = summary.permissions.filter((p) => !/^BackupRestore-/i.test(p));
  if (others.length) lines.push(`Other permissions: ${others.map((p) => `\`${p}\``).join(', ')}.`, '');

  lines.push('## What they allow', '', '| | Operation | Needs one of |', '|---|---|---|');
  for (const row of summary.access) {
    lines.push(`| ${row.allowed ? '✅' : '❌'} | ${row.rule.label}${row.rule.delegatedOnly ? ' (delegated only)' : ''} | ${row.required.map((r) => `\`${r}\``).join(', ')} |`);
  }
  lines.push('');

  lines.push('## When a call answers 403', '');
  if (summary.kind === 'delegated') {
    lines.push(
      '1. In Entra ID > App registrations > your app > API permissions, add the missing **Microsoft Graph delegated** permission from the table above.',
      '2. Grant admin consent (every BackupRestore permission requires it).',
      '3. Run **Restore Sessions: Sign Out**, then **Sign In** again: the new scope is only in a new token.',
      '4. Browse sessions and granular site artifacts also need the signed-in user to hold the SharePoint Backup Administrator role.',
    );
  } else {
    lines.push(
      '1. In Entra ID > App registrations > your app > API permissions, add the missing **Microsoft Graph application** permission from the table above.',
      '2. Grant admin consent.',
      '3. Run **Restore Sessions: Sign In** again (app tokens are cached for up to an hour; signing in again fetches a new one).',
      '4. Some operations (activating service apps, offboarding units) are delegated-only: use a user sign-in for them.',
    );
  }
  lines.push('', 'Against the local emulator: the demo admin (user `admin`, or the admin app) has Restore.ReadWrite.All, Search.Read.All, Configuration.Read.All and Control.Read.All; the demo reader has Restore.Read.All only.');
  return `${lines.join('\n')}\n`;
}
