// What a resource named in a bulk request must look like. The emulator refuses what the service refuses, and
// the extension checks a CSV with the same rules before anything is sent.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@,;"']+@[^\s@,;"']+\.[^\s@,;"']+$/;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

export function isEmailAddress(value: string): boolean {
  return EMAIL.test(value);
}

/** An absolute https URL on a dotted host, as SharePoint site URLs are. */
export function isSiteUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}
