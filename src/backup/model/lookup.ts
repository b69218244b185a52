// Reading a table by a key that came from outside (a request body, a server value): only the table's own
// entries count, so `constructor`, `__proto__` or `toString` never find an inherited function.

/** The entry of `table` under `key`, or undefined when the table has no own entry by that name. */
export function ownEntry<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/**
 * The value of the field `name` on `value`, for the fields the workload table names (`resourceIdField`,
 * `addressField`, `ownerField`, ...): typed objects read by a name known only at run time, without a cast.
 */
export function fieldOf(value: object, name: string): unknown {
  return Object.prototype.hasOwnProperty.call(value, name) ? (Reflect.get(value, name) as unknown) : undefined;
}

/** `fieldOf` when the field holds a string; undefined otherwise. */
export function stringFieldOf(value: object, name: string): string | undefined {
  const v = fieldOf(value, name);
  return typeof v === 'string' ? v : undefined;
}

/** `fieldOf` when the field holds a list of strings (other entries dropped); empty otherwise. */
export function stringListFieldOf(value: object, name: string): string[] {
  const v = fieldOf(value, name);
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
