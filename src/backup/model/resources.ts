// What a resource named in a bulk request must look like. The emulator refuses what the service refuses, and
// the extension checks a CSV with the same rules before anything is sent.

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Characters RFC 5322 does not allow unquoted (<>()[]\\:), separators of CSV and address lists, quotes and controls.
// eslint-disable-next-line no-control-regex
const EMAIL = /^[^\s@,;"'<>()[\]\\:\u0000-\u001f\u007f]+@[^\s@,;"'<>()[\]\\:\u0000-\u001f\u007f]+\.[^\s@,;"'<>()[\]\\:\u0000-\u001f\u007f]+$/;

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
    // A DNS name with a dotted, non-numeric top level: WHATWG URL parsing turns `https://7` into 0.0.0.7, so
    // IPv4 forms are refused explicitly; so are credentials in the URL.
    return url.protocol === 'https:' && /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z][a-z0-9-]*$/i.test(url.hostname) && !url.username && !url.password;
  } catch {
    return false;
  }
}
