// The connection and sign-in commands, as one list for the extension's command registry. The list's element
// type is declared here (structurally the registry's CommandSpec), so this side never imports the registry: the
// registry imports the auth barrel, and an import back would make a cycle.
import { addConnection, removeConnection, switchConnection } from './connectionCommands';
import { checkPermissions, signOut } from './accountCommands';
import { AUTH_COMMAND_IDS, type AuthCommandContext } from './context';
import { signIn } from './signIn';

export type { AuthCommandContext } from './context';
export const AUTH_COMMANDS = AUTH_COMMAND_IDS;

/** One command: its id and what it runs (the registry wraps it once for errors and cancellation). */
export interface AuthCommand {
  id: string;
  run: (...args: unknown[]) => unknown;
}

export function authCommands(ctx: AuthCommandContext): AuthCommand[] {
  return [
    { id: AUTH_COMMANDS.switchConnection, run: () => switchConnection(ctx) },
    { id: AUTH_COMMANDS.addConnection, run: () => addConnection(ctx) },
    { id: AUTH_COMMANDS.removeConnection, run: (arg) => removeConnection(ctx, typeof arg === 'string' ? arg : undefined) },
    { id: AUTH_COMMANDS.signIn, run: () => signIn(ctx) },
    { id: AUTH_COMMANDS.signOut, run: () => signOut(ctx) },
    { id: AUTH_COMMANDS.checkPermissions, run: (arg) => checkPermissions(ctx, asFocus(arg)) },
  ];
}

function asFocus(arg: unknown): { method: string; path: string } | undefined {
  if (arg && typeof arg === 'object' && typeof (arg as { method?: unknown }).method === 'string' && typeof (arg as { path?: unknown }).path === 'string') {
    return { method: (arg as { method: string }).method, path: (arg as { path: string }).path };
  }
  return undefined;
}
