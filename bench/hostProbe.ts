// Loaded by the real VS Code extension host (code-server) as `extensionTestsPath` by hostActivation.ts: activates
// the extension under test once, cold, and writes how long `Extension.activate()` took, which covers what the host
// does on a real activation (load the main file, then call `activate`). Result: JSON in $BENCH_ACTIVATION_RESULT.
import * as fs from 'fs';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const id = process.env.BENCH_EXTENSION_ID ?? '';
  const extension = vscode.extensions.getExtension(id);
  const result: Record<string, unknown> = { id, found: Boolean(extension), wasActive: extension?.isActive ?? null };
  if (extension && !extension.isActive) {
    const started = performance.now();
    try {
      await extension.activate();
      result.activationMs = performance.now() - started;
    } catch (err) {
      result.error = err instanceof Error ? err.stack ?? err.message : String(err);
    }
  }
  fs.writeFileSync(process.env.BENCH_ACTIVATION_RESULT ?? '', JSON.stringify(result));
}
