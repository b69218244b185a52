// Body validation helpers: every write is checked completely before anything changes, and each failure is a
// 400 that names the offending property, so a client learns exactly what the service would reject.
import { badRequest } from '../errors';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as an object; an absent body counts as `{}` where the API allows an empty POST. */
export function bodyObject(body: unknown, allowEmpty: boolean): Json {
  if (body === undefined && allowEmpty) return {};
  if (!isObject(body)) throw badRequest('BadRequest', 'The request body must be a JSON object.');
  return body;
}

export function rejectUnknown(object: Json, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) throw badRequest('BadRequest', `The property '${key}' does not exist on ${where} or cannot be set.`);
  }
}

/** `@odata.type`, when sent, must name the expected type (with or without `#`, any casing). */
export function checkODataType(object: Json, expected: string, where: string): void {
  const value = object['@odata.type'];
  if (value === undefined) return;
  if (typeof value !== 'string' || value.replace(/^#/, '').toLowerCase() !== expected.toLowerCase()) {
    throw badRequest('BadRequest', `The @odata.type ${JSON.stringify(value)} does not match ${where}; expected '#${expected}'.`);
  }
}

export function optionalString(object: Json, key: string, where: string): string | null | undefined {
  const value = object[key];
  if (value === undefined || value === null) return value as null | undefined;
  if (typeof value !== 'string') throw badRequest('BadRequest', `The property '${key}' of ${where} must be a string.`);
  return value;
}

export function optionalEnum<T extends string>(object: Json, key: string, members: readonly T[], where: string): T | null | undefined {
  const value = object[key];
  if (value === undefined || value === null) return value as null | undefined;
  if (typeof value !== 'string' || !(members as readonly string[]).includes(value) || value === 'unknownFutureValue') {
    throw badRequest('BadRequest', `The property '${key}' of ${where} must be one of ${members.filter((m) => m !== 'unknownFutureValue').join(', ')}.`);
  }
  return value as T;
}

export function optionalDateTime(object: Json, key: string, where: string): string | null | undefined {
  const value = optionalString(object, key, where);
  if (value == null) return value;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(Date.parse(value))) {
    throw badRequest('BadRequest', `The property '${key}' of ${where} must be an ISO 8601 DateTimeOffset.`);
  }
  return value;
}

export function stringArray(object: Json, key: string, where: string): string[] | undefined {
  const value = object[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw badRequest('BadRequest', `The property '${key}' of ${where} must be an array of strings.`);
  }
  return value as string[];
}
