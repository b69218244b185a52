// Where a connection may send a credential: Microsoft's clouds only (unless the user allows custom endpoints),
// https only, and a token scope that belongs to the Graph origin it is sent to.
import { strict as assert } from 'assert';
import {
  EndpointNotAllowedError, checkEmulatorEndpoint, checkGraphEndpoints, graphScopeFor, originOf,
} from '../../../src/auth';

describe('auth/clouds', () => {
  it('accepts each Microsoft cloud with its own sign-in and Graph hosts', () => {
    checkGraphEndpoints('https://login.microsoftonline.com', 'https://graph.microsoft.com', false);
    checkGraphEndpoints('https://login.microsoftonline.us', 'https://graph.microsoft.us', false);
    checkGraphEndpoints('https://login.microsoftonline.us', 'https://dod-graph.microsoft.us', false);
    checkGraphEndpoints('https://login.chinacloudapi.cn', 'https://microsoftgraph.chinacloudapi.cn', false);
  });

  it('refuses a look-alike or foreign host, and hosts of two different clouds, naming the setting that allows them', () => {
    for (const [authority, graph] of [
      ['https://login.microsoftonline.com.evil.example', 'https://graph.microsoft.com'],
      ['https://login.microsoftonline.com', 'https://graph.evil.example'],
      ['https://login.microsoftonline.com', 'https://graph.microsoft.us'],
      ['https://login.microsoftonline.com:8443', 'https://graph.microsoft.com'],
    ]) {
      assert.throws(() => checkGraphEndpoints(authority, graph, false), (e: unknown) => e instanceof EndpointNotAllowedError && /allowCustomEndpoints/.test(e.message), `${authority} ${graph}`);
    }
  });

  it('with custom endpoints allowed accepts other https hosts, but never plain http', () => {
    checkGraphEndpoints('https://login.contoso.example', 'https://graph.contoso.example', true);
    assert.throws(() => checkGraphEndpoints('http://login.microsoftonline.com', 'https://graph.microsoft.com', true), /not https/);
    assert.throws(() => checkGraphEndpoints('https://login.microsoftonline.com', 'http://graph.microsoft.com', true), /not https/);
  });

  it('derives the token scope from the Graph origin', () => {
    assert.equal(graphScopeFor(originOf('https://graph.microsoft.us/v1.0', 'Graph endpoint')), 'https://graph.microsoft.us/.default');
    assert.equal(graphScopeFor('https://dod-graph.microsoft.us'), 'https://dod-graph.microsoft.us/.default');
    assert.equal(graphScopeFor('https://microsoftgraph.chinacloudapi.cn'), 'https://microsoftgraph.chinacloudapi.cn/.default');
  });

  it('allows an emulator only on loopback', () => {
    checkEmulatorEndpoint('http://127.0.0.1:4000');
    checkEmulatorEndpoint('https://localhost:4443');
    checkEmulatorEndpoint('http://[::1]:4000');
    assert.throws(() => checkEmulatorEndpoint('http://192.168.1.10:4000'), EndpointNotAllowedError);
    assert.throws(() => checkEmulatorEndpoint('http://127.0.0.1.evil.example:4000'), EndpointNotAllowedError);
  });
});
