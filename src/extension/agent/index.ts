// The extension's tools for agents (contributes.languageModelTools): list sessions, read one, find the restores
// of a unit, draft a restore, activate one. Registered from extension.ts with one call. Under the test
// launchers a test-only command runs one phase of a tool directly: VS Code answers an invocation outside chat
// with a modal dialog that a test inside the extension host cannot click; another invokes a tool through VS Code
// (the UI walk binds it to a key and shows that dialog).
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { TEST_HOOKS } from '../testHooks';
import { activateTool } from './activateTool';
import { draftRestoreTool } from './draftRestore';
import { findRestoresTool } from './findRestores';
import { getSessionTool } from './getSession';
import { listSessionsTool } from './listSessions';
import { checkInput, declaredSchema, registerAgentTool, type AgentTool } from './toolKit';

export const AGENT_TOOL_TEST_COMMAND = 'restoreSessions.test.agentToolPhase';
/** Test hosts only: invokes a tool through VS Code outside chat, so the walk can show the confirmation VS Code asks with. */
export const AGENT_TOOL_INVOKE_TEST_COMMAND = 'restoreSessions.test.invokeAgentTool';

export function agentTools(context: vscode.ExtensionContext, ctx: CommandContext): vscode.Disposable[] {
  const tools: AgentTool<never>[] = [
    listSessionsTool(ctx.hubs), getSessionTool(ctx.hubs), findRestoresTool(ctx.hubs), draftRestoreTool(ctx.hubs), activateTool(ctx),
  ];
  const manifest = context.extension.packageJSON as unknown;
  const disposables = tools.map((tool) => registerAgentTool(tool, declaredSchema(manifest, tool.name)));
  if (TEST_HOOKS) {
    disposables.push(vscode.commands.registerCommand(AGENT_TOOL_TEST_COMMAND, async (name: string, phase: 'prepare' | 'invoke', input: unknown) => {
      const tool = tools.find((t) => t.name === name);
      if (!tool) throw new Error(vscode.l10n.t('no tool {0}', name));
      const checked = checkInput<never>(declaredSchema(manifest, name), name, input);
      const source = new vscode.CancellationTokenSource();
      try {
        return await (phase === 'prepare' ? tool.prepare?.(checked, source.token) : tool.invoke(checked, source.token));
      } finally {
        source.dispose();
      }
    }));
    disposables.push(vscode.commands.registerCommand(AGENT_TOOL_INVOKE_TEST_COMMAND, (args: { name: string; input: object }) =>
      vscode.lm.invokeTool(args.name, { input: args.input, toolInvocationToken: undefined })));
  }
  return disposables;
}
