// One way to register the extension's agent tools: the input is checked against the schema the tool declares
// in package.json before either phase runs; the answer is plain text a model can quote (names in words, ids
// alongside); a failure becomes one sentence from the error classifier (with the request-id when the service
// sent one), so a model can tell the person what went wrong.
import * as vscode from 'vscode';
import { classifyError } from '../errors';
import { schemaProblems, type InputSchema } from './inputSchema';

export interface AgentTool<T> {
  name: string;
  /** What VS Code shows while the tool runs and, when it returns confirmation messages, asks the person first. */
  prepare?(input: T, token: vscode.CancellationToken): Promise<vscode.PreparedToolInvocation | undefined>;
  invoke(input: T, token: vscode.CancellationToken): Promise<string>;
}

/** A refusal of the input itself (not a service failure): the model should fix the input and call again. */
export class ToolInputError extends Error {}

export function checkInput<T>(schema: InputSchema | undefined, name: string, input: unknown): T {
  const problems = schema ? schemaProblems(schema, input) : [];
  if (problems.length) throw new ToolInputError(vscode.l10n.t('{0} refused its input: {1}.', name, problems.join('; ')));
  return input as T;
}

/** The tool's input schema from the manifest (contributes.languageModelTools). */
export function declaredSchema(manifest: unknown, name: string): InputSchema | undefined {
  const tools = (manifest as { contributes?: { languageModelTools?: { name: string; inputSchema?: InputSchema }[] } }).contributes?.languageModelTools ?? [];
  return tools.find((tool) => tool.name === name)?.inputSchema;
}

export function registerAgentTool<T>(tool: AgentTool<T>, schema: InputSchema | undefined): vscode.Disposable {
  return vscode.lm.registerTool<T>(tool.name, {
    prepareInvocation: (options, token) => tool.prepare?.(checkInput<T>(schema, tool.name, options.input), token),
    invoke: async (options, token) => {
      const input = checkInput<T>(schema, tool.name, options.input);
      try {
        return new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(await tool.invoke(input, token))]);
      } catch (error) {
        if (error instanceof ToolInputError || error instanceof vscode.CancellationError) throw error;
        const classified = classifyError(error);
        throw new Error(classified.requestId ? vscode.l10n.t('{0} (request-id {1})', classified.summary, classified.requestId) : classified.summary);
      }
    },
  });
}
