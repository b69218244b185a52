// Raw JSON, colored and foldable: objects and arrays are <details> elements (folding without script),
// keys and values are text nodes with token classes. Folding state is kept by path in `folds`.
import { h, type VNode } from './dom';
import { l10n } from './format';

export const MAX_JSON_NODES = 20_000;

export function renderJson(value: unknown, rootPath: string, folds: Readonly<Record<string, boolean>>, openDepth = 2): VNode {
  let budget = MAX_JSON_NODES;
  const node = (v: unknown, path: string, depth: number, key: string | undefined, last: boolean): VNode => {
    budget--;
    const keyPart = key === undefined ? null : [h('span', { class: 'j-key' }, JSON.stringify(key)), h('span', { class: 'j-punct' }, ': ')];
    const comma = last ? null : h('span', { class: 'j-punct' }, ',');
    if (v !== null && typeof v === 'object') {
      const isArray = Array.isArray(v);
      const entries: [string | undefined, unknown][] = isArray ? (v as unknown[]).map((x) => [undefined, x]) : Object.entries(v as object);
      const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
      if (entries.length === 0) return h('div', { class: 'j-row' }, keyPart, h('span', { class: 'j-punct' }, open + close), comma);
      const isOpen = folds[path] ?? depth < openDepth;
      const count = isArray ? `${entries.length} item${entries.length === 1 ? '' : 's'}` : `${entries.length} key${entries.length === 1 ? '' : 's'}`;
      const children = budget > 0
        ? entries.map(([k, x], i) => node(x, `${path}/${isArray ? i : k}`, depth + 1, isArray ? undefined : k, i === entries.length - 1))
        : [h('div', { class: 'j-row muted' }, l10n.t('… (too large to show; use Copy or Open JSON)'))];
      return h('details', { class: 'j-node', 'data-fold': path, open: isOpen },
        h('summary', null, keyPart, h('span', { class: 'j-punct' }, open), h('span', { class: 'j-count' }, ` ${count} `)),
        h('div', { class: 'j-body' }, children),
        h('div', { class: 'j-row' }, h('span', { class: 'j-punct' }, close), comma));
    }
    return h('div', { class: 'j-row' }, keyPart, primitive(v), comma);
  };
  return h('div', { class: 'json' }, node(value, rootPath, 0, undefined, true));
}

function primitive(v: unknown): VNode {
  if (typeof v === 'string') return h('span', { class: 'j-str' }, JSON.stringify(v));
  if (typeof v === 'number') return h('span', { class: 'j-num' }, String(v));
  if (typeof v === 'boolean') return h('span', { class: 'j-bool' }, String(v));
  if (v === null) return h('span', { class: 'j-null' }, 'null');
  return h('span', { class: 'j-null' }, String(v));
}
