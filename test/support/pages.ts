// Reading a whole Graph collection the documented way: the first page, then every `@odata.nextLink` until there is
// none. Tests that look the emulator up directly use this instead of `$top=999`, which Microsoft documents for none
// of the backup collections (the emulator's default profile answers it 400). Free of vscode and src/, so every suite
// can use it.

/** More pages than any seed has: a nextLink that never ends is a bug to report, not to wait out. */
const MAX_PAGES = 1000;

/** Every item of the collection at `url` (absolute, with only documented options), across all its pages. */
export async function everyPage<T>(url: string, headers: Record<string, string> = {}): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = url;
  for (let pages = 0; next !== undefined; pages++) {
    if (pages === MAX_PAGES) throw new Error(`GET ${url}: still a nextLink after ${MAX_PAGES} pages`);
    const response = await fetch(next, { headers });
    const text = await response.text();
    if (!response.ok) throw new Error(`GET ${next} answered ${response.status}: ${text.slice(0, 300)}`);
    const page = JSON.parse(text) as { value?: T[]; '@odata.nextLink'?: string };
    items.push(...(page.value ?? []));
    next = page['@odata.nextLink'];
  }
  return items;
}
