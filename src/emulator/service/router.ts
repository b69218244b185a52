// Path routing under /solutions/backupRestore. Literal segments match case-insensitively (the docs also write
// `sharepointRestoreSessions`); `{name}` captures one segment. When several routes match, the one with the
// most literal segments wins, so `protectionUnits/microsoft.graph.siteProtectionUnit` beats `protectionUnits/{id}`.
import type { EmulatorCore } from './core';
import type { Reply, RequestContext } from './context';

export type Params = Record<string, string>;
export type Handler = (core: EmulatorCore, ctx: RequestContext, params: Params) => Reply | Promise<Reply>;

type Segment = { literal: string } | { param: string };

interface Route {
  method: string;
  segments: Segment[];
  literals: number;
  handler: Handler;
}

export type RouteMatch = { handler: Handler; params: Params } | { allow: string[] } | undefined;

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    const segments: Segment[] = pattern === '' ? [] : pattern.split('/').map((part) => {
      const param = /^\{(\w+)\}$/.exec(part);
      return param ? { param: param[1] } : { literal: part.toLowerCase() };
    });
    this.routes.push({ method, segments, literals: segments.filter((s) => 'literal' in s).length, handler });
    return this;
  }

  /** The handler for `method` on `path`; `{ allow }` when the path exists for other methods; undefined when unknown. */
  match(method: string, path: readonly string[]): RouteMatch {
    let best: { route: Route; params: Params } | undefined;
    const allow = new Set<string>();
    let bestAnyMethod = -1;
    for (const route of this.routes) {
      const params = this.matchSegments(route.segments, path);
      if (!params) continue;
      bestAnyMethod = Math.max(bestAnyMethod, route.literals);
      if (route.method === method && (!best || route.literals > best.route.literals)) best = { route, params };
    }
    if (best && best.route.literals >= bestAnyMethod) return { handler: best.route.handler, params: best.params };
    if (bestAnyMethod < 0) return undefined;
    // The most specific path that matched decides which methods are allowed.
    for (const route of this.routes) {
      if (route.literals === bestAnyMethod && this.matchSegments(route.segments, path)) allow.add(route.method);
    }
    return { allow: [...allow].sort() };
  }

  /** The first segment of `path` that no route continues with: what Graph names in its "not found" answer. */
  unresolvedSegment(path: readonly string[]): string {
    let known = 0;
    for (const route of this.routes) {
      let i = 0;
      while (i < Math.min(route.segments.length, path.length) && this.segmentMatches(route.segments[i], path[i])) i++;
      known = Math.max(known, i);
    }
    return path[Math.min(known, path.length - 1)] ?? '';
  }

  private segmentMatches(segment: Segment, value: string): boolean {
    return 'literal' in segment ? segment.literal === value.toLowerCase() : value !== '';
  }

  private matchSegments(segments: Segment[], path: readonly string[]): Params | undefined {
    if (segments.length !== path.length) return undefined;
    const params: Params = {};
    for (let i = 0; i < segments.length; i++) {
      const segment = segments[i];
      if ('literal' in segment) {
        if (segment.literal !== path[i].toLowerCase()) return undefined;
      } else {
        if (path[i] === '') return undefined;
        params[segment.param] = path[i];
      }
    }
    return params;
  }
}
