// A tiny virtual DOM: views are pure functions from data to `VNode`s, and `mount` turns them into real nodes
// with createElement / createTextNode / setAttribute only. Strings are always text nodes, so a server value
// such as `<img src=x onerror=alert(1)>` is shown literally; there is no way to pass HTML. Event-handler
// and style attributes are refused (the CSP forbids them anyway): behaviour is attached by delegation in
// main.ts through `data-*` attributes, and all styling lives in media/details.css.

export interface VNode {
  tag: string;
  svg: boolean;
  attrs: Record<string, string>;
  children: VNode[] | string[] | (VNode | string)[];
}

export type VChild = VNode | string | number | null | undefined | false | VChild[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const SVG_NS = 'http://www.w3.org/2000/svg';

function build(svg: boolean, tag: string, attrs: Attrs | null | undefined, children: VChild[]): VNode {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (!/^[a-zA-Z][a-zA-Z0-9:_.-]*$/.test(name) || /^on/i.test(name) || name.toLowerCase() === 'style') {
      throw new Error(`attribute not allowed in the details view: ${name}`);
    }
    clean[name] = value === true ? '' : String(value);
  }
  const flat: (VNode | string)[] = [];
  const add = (child: VChild) => {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) child.forEach(add);
    else if (typeof child === 'object') flat.push(child);
    else flat.push(String(child));
  };
  children.forEach(add);
  return { tag, svg, attrs: clean, children: flat };
}

/** An HTML element. */
export function h(tag: string, attrs?: Attrs | null, ...children: VChild[]): VNode {
  return build(false, tag, attrs, children);
}

/** An SVG element. */
export function s(tag: string, attrs?: Attrs | null, ...children: VChild[]): VNode {
  return build(true, tag, attrs, children);
}

/** The part of `Document` that `mount` uses (a fake one in unit tests). */
export interface DocumentLike {
  createElement(tag: string): ElementLike;
  createElementNS(ns: string, tag: string): ElementLike;
  createTextNode(text: string): unknown;
}

export interface ElementLike {
  setAttribute(name: string, value: string): void;
  appendChild(child: never): unknown;
}

export function mount(node: VNode | string, doc: DocumentLike): unknown {
  if (typeof node === 'string') return doc.createTextNode(node);
  const el = node.svg ? doc.createElementNS(SVG_NS, node.tag) : doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs)) el.setAttribute(name, value);
  for (const child of node.children) el.appendChild(mount(child, doc) as never);
  return el;
}

/** All text of a tree, as `textContent` would give it (for tests and accessibility labels). */
export function textOf(node: VNode | string): string {
  return typeof node === 'string' ? node : node.children.map((c) => textOf(c)).join('');
}

/** Depth-first search (for tests). */
export function findAll(node: VNode | string, predicate: (n: VNode) => boolean, into: VNode[] = []): VNode[] {
  if (typeof node === 'string') return into;
  if (predicate(node)) into.push(node);
  for (const child of node.children) findAll(child, predicate, into);
  return into;
}
