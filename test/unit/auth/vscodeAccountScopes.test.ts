// What a connection asks VS Code's Microsoft authentication provider for: the Graph scope plus the admin's app
// registration and tenant as VSCODE_CLIENT_ID: / VSCODE_TENANT:, and which provider serves which cloud.
import { strict as assert } from 'assert';
import {
  VSCODE_MICROSOFT_PROVIDER, VSCODE_SOVEREIGN_PROVIDER, accountProviderFor, parseVscodeAccountScopes, vscodeAccountScopes,
} from '../../../src/auth';

describe('auth/vscodeAccountScopes', () => {
  it('names the app registration and the tenant beside the Graph scope, and reads them back', () => {
    const scopes = vscodeAccountScopes(['https://graph.microsoft.com/.default'], '11111111-2222-3333-4444-555555555555', 'contoso.onmicrosoft.com');
    assert.deepStrictEqual(scopes, [
      'https://graph.microsoft.com/.default', 'VSCODE_CLIENT_ID:11111111-2222-3333-4444-555555555555', 'VSCODE_TENANT:contoso.onmicrosoft.com',
    ]);
    assert.deepStrictEqual(parseVscodeAccountScopes(scopes), {
      clientId: '11111111-2222-3333-4444-555555555555', tenant: 'contoso.onmicrosoft.com', resourceScopes: ['https://graph.microsoft.com/.default'],
    });
  });

  it('without the prefixes a provider would use its own app and tenant', () => {
    assert.deepStrictEqual(parseVscodeAccountScopes(['https://graph.microsoft.com/.default']), {
      clientId: undefined, tenant: undefined, resourceScopes: ['https://graph.microsoft.com/.default'],
    });
  });

  it('global cloud: VS Code\'s Microsoft provider; a national cloud: the sovereign-cloud provider; a named provider wins', () => {
    assert.strictEqual(accountProviderFor(undefined, 'https://login.microsoftonline.com'), VSCODE_MICROSOFT_PROVIDER);
    assert.strictEqual(accountProviderFor(undefined, 'https://login.microsoftonline.us'), VSCODE_SOVEREIGN_PROVIDER);
    assert.strictEqual(accountProviderFor(undefined, 'https://login.chinacloudapi.cn'), VSCODE_SOVEREIGN_PROVIDER);
    assert.strictEqual(accountProviderFor('my-test-accounts', 'https://login.microsoftonline.com'), 'my-test-accounts');
  });

  it('a provider id that is not an id falls back to the cloud\'s provider', () => {
    assert.strictEqual(accountProviderFor('../../x y', 'https://login.microsoftonline.com'), VSCODE_MICROSOFT_PROVIDER);
  });
});
