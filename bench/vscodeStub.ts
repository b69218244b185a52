// A do-nothing `vscode` module for timing activation in plain Node (activationChild.ts). Every property is a
// callable, constructible stand-in that returns another one, so any API use at activation succeeds; the few
// values activation reads (configuration defaults, mementos, secrets) answer like an empty profile.

import * as fs from 'node:fs';

type AnyFn = (...args: unknown[]) => unknown;

function stand(): unknown {
  const cache = new Map<PropertyKey, unknown>();
  const target = function () { /* stand-in */ } as unknown as AnyFn;
  return new Proxy(target, {
    get(t, prop) {
      if (cache.has(prop)) return cache.get(prop);
      if (prop === 'then') return undefined; // not a thenable
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === Symbol.iterator) return function* () { /* empty */ };
      if (prop === 'prototype') return (t as unknown as { prototype: unknown }).prototype;
      if (prop in t && prop !== 'name' && prop !== 'length') return Reflect.get(t, prop);
      const value = stand();
      cache.set(prop, value);
      return value;
    },
    // Assignments (item.name = ..., item.text = ...) are kept apart from the function's read-only own properties.
    set: (_t, prop, value) => {
      cache.set(prop, value);
      return true;
    },
    apply: () => stand(),
    construct: () => stand() as object,
  });
}

const configuration = {
  get: (_key: string, fallback?: unknown) => fallback,
  has: () => false,
  inspect: () => undefined,
  update: async () => undefined,
};

/** The names `vscode` exports, read from @types/vscode, so bundlers' `__toESM` copies see real own properties. */
function vscodeExportNames(): string[] {
  const dts = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  return [...dts.matchAll(/^\texport (?:class|enum|namespace|function|const|let) (\w+)/gm)].map((m) => m[1]);
}

const root: Record<string, unknown> = {};
for (const name of vscodeExportNames()) root[name] = stand();
const workspace = root.workspace as Record<string, unknown>;
root.workspace = new Proxy(workspace, {
  get: (t, prop) => (prop === 'getConfiguration' ? () => configuration : Reflect.get(t, prop)),
});
root.version = '1.95.0';

export const vscodeStub: unknown = root;

export function memento(): unknown {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: (key: string, fallback?: unknown) => (values.has(key) ? values.get(key) : fallback),
    update: async (key: string, value: unknown) => { values.set(key, value); },
    setKeysForSync: () => undefined,
  };
}

const uri = (fsPath: string) => ({ scheme: 'file', fsPath, path: fsPath, toString: () => `file://${fsPath}` });

export function extensionContext(extensionPath: string, storagePath: string, version: string): unknown {
  const secrets = new Map<string, string>();
  return {
    subscriptions: [] as { dispose(): unknown }[],
    extensionPath,
    extension: { id: 'm365-restore-tools.m365-restore-sessions', extensionPath, packageJSON: { version } },
    globalState: memento(),
    workspaceState: memento(),
    secrets: {
      get: async (key: string) => secrets.get(key),
      store: async (key: string, value: string) => { secrets.set(key, value); },
      delete: async (key: string) => { secrets.delete(key); },
      onDidChange: () => ({ dispose: () => undefined }),
    },
    extensionUri: uri(extensionPath),
    globalStorageUri: uri(storagePath),
    storageUri: undefined,
    logUri: uri(storagePath),
    extensionMode: 1,
    asAbsolutePath: (p: string) => `${extensionPath}/${p}`,
  };
}
