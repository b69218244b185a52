// Reading a table by a key that came from outside (a request body, a server value): only the table's own
// entries count, so `constructor`, `__proto__` or `toString` never find an inherited function.

/** The entry of `table` under `key`, or undefined when the table has no own entry by that name. */
export function ownEntry<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}
