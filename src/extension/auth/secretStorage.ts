// The SecretStore of src/auth over VS Code's SecretStorage (the OS keychain): msal's token cache, client
// secrets and certificate keys never touch a plain file or a setting.
import type * as vscode from 'vscode';
import type { SecretStore } from '../../auth';

export class VsCodeSecretStore implements SecretStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(key: string): Promise<string | undefined> {
    return this.secrets.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    await this.secrets.store(key, value);
  }

  async delete(key: string): Promise<void> {
    await this.secrets.delete(key);
  }

  /** Fires when another window changed a key (msal reloads its cache before every access anyway). */
  onDidChange(listener: (key: string) => void): vscode.Disposable {
    return this.secrets.onDidChange((e) => listener(e.key));
  }
}
