// The one error classifier: turns any failure into words for a person (a one-line summary and a detail that
// names the request-id, never headers or tokens), the next steps that can help, and the request-id. The
// command wrapper's toasts, the tree's error nodes and the details panels all use it, so they agree.
// Errors are told apart by type, never by their name string.
import * as vscode from 'vscode';
import { SignInRequiredError } from '../../auth';
import { permissionName, ruleFor } from '../../backup/model/permissions';
import { GraphError } from '../../graph';
import { checkPermissionsArgs } from '../auth/forbidden';
import { EmulatorStoppedError } from '../connections';
import { l10n } from '../../backup/l10n';

export type ErrorKind = 'emulatorStopped' | 'signIn' | 'permissions' | 'service' | 'other';

export type NextStep =
  | { kind: 'retry' }
  | { kind: 'signIn' }
  | { kind: 'checkPermissions'; args: { method: string; path: string } }
  | { kind: 'startEmulator' }
  | { kind: 'showLog' };

export interface ClassifiedError {
  kind: ErrorKind;
  /** One line, for a toast, a tree row or a panel notice. */
  summary: string;
  /** For the log and tooltips: the request line with its ids and date when the service answered. */
  detail: string;
  requestId?: string;
  /** Most helpful first. */
  steps: NextStep[];
}

export const STEP_LABELS: Record<NextStep['kind'], string> = {
  get retry() { return l10n.t('Retry'); },
  get signIn() { return l10n.t('Sign In'); },
  get checkPermissions() { return l10n.t('Check Permissions'); },
  get startEmulator() { return l10n.t('Start Local Emulator'); },
  get showLog() { return l10n.t('Show Log'); },
};

export function classifyError(error: unknown): ClassifiedError {
  if (error instanceof EmulatorStoppedError) {
    return { kind: 'emulatorStopped', summary: l10n.t('The local emulator is stopped.'), detail: error.message, steps: [{ kind: 'startEmulator' }, { kind: 'showLog' }] };
  }
  if (error instanceof SignInRequiredError) {
    return { kind: 'signIn', summary: error.message, detail: error.message, steps: [{ kind: 'signIn' }, { kind: 'showLog' }] };
  }
  if (error instanceof GraphError) {
    const summary = error.code ? `${error.code}: ${error.message}` : error.message;
    // The Graph layer already writes the one line that names the request, its ids and date.
    const base = { summary, detail: error.describe(), requestId: error.requestId };
    if (error.status === 401) return { ...base, kind: 'signIn', steps: [{ kind: 'signIn' }, { kind: 'showLog' }] };
    const permissions = checkPermissionsArgs(error);
    if (permissions) {
      return { ...base, summary: `${summary} ${permissionHint(permissions)}`, kind: 'permissions', steps: [{ kind: 'checkPermissions', args: permissions }, { kind: 'showLog' }] };
    }
    return { ...base, kind: 'service', steps: [{ kind: 'retry' }, { kind: 'showLog' }] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'other', summary: message, detail: message, steps: [{ kind: 'showLog' }] };
}

/**
 * Which permission the refused call needs, keyed by its API area (the permission table of model/permissions.ts):
 * e.g. a policy change needs BackupRestore-Configuration.ReadWrite.All, enabling the service
 * BackupRestore-Control.ReadWrite.All; some of them only for a person signed in, never for an app.
 */
function permissionHint(call: { method: string; path: string }): string {
  const rule = ruleFor(call.method, call.path);
  const needed = rule.anyOf.map(permissionName).join(vscode.l10n.t(' or '));
  const what = rule.label.charAt(0).toLowerCase() + rule.label.slice(1);
  return rule.delegatedOnly
    ? vscode.l10n.t('This needs {0} ({1}), granted to a person who signs in: an app cannot do it.', needed, what)
    : vscode.l10n.t('This needs {0} ({1}).', needed, what);
}

/** The summary with the request-id appended, for places that show one line only (panel notices). */
export function summaryWithRequestId(classified: ClassifiedError): string {
  return classified.requestId ? `${classified.summary} (request-id ${classified.requestId})` : classified.summary;
}
