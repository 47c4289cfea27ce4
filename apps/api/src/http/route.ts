import type { Request, RequestHandler, Response, Router } from 'express';
import type { RouteContract } from '@playloop/shared';

// The contract paths mounted on each router, for `onlyItsPaths`.
const mountedPaths = new WeakMap<Router, string[]>();

/**
 * Mounts a handler on the method and path its contract names, so routes and the OpenAPI
 * document can never disagree. The handler returns the response body; status comes from the contract.
 */
export function mount<C extends RouteContract>(
  router: Router,
  contract: C,
  ...handlers: [...RequestHandler[], (req: Request, res: Response) => Promise<unknown> | unknown]
): void {
  const handle = handlers.pop() as (req: Request, res: Response) => Promise<unknown> | unknown;
  const middlewares = handlers as RequestHandler[];
  mountedPaths.set(router, [...(mountedPaths.get(router) ?? []), contract.path]);
  router[contract.method](contract.path, ...middlewares, async (req: Request, res: Response) => {
    const body = await handle(req, res);
    res.status(contract.status ?? 200).json(body);
  });
}

/** A contract path (`/api/x/:id`) as a regular expression source, matching as Express does. */
const toPattern = (path: string) =>
  path
    .split(/(:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');

/**
 * The router, behind one test of the request's path against all of its contracts' paths: a request
 * for another feature skips its routes at once instead of being matched against each of them
 * (Express tries every route of every router mounted before the one that answers, which was a
 * tenth of the api's CPU on the player workload). Only for routers whose every route came from
 * `mount`; any other router is returned as it is.
 */
export function onlyItsPaths(router: Router): RequestHandler {
  const paths = mountedPaths.get(router) ?? [];
  if (paths.length === 0 || paths.length !== router.stack.length) return router;
  // Case-insensitive, with an optional trailing slash: Express's defaults.
  const pattern = new RegExp(`^(?:${paths.map(toPattern).join('|')})/?$`, 'i');
  return (req, res, next) => (pattern.test(req.path) ? router(req, res, next) : next());
}
