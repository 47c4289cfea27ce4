import type { Request, RequestHandler, Response, Router } from 'express';
import type { RouteContract } from '@playloop/shared';

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
  router[contract.method](contract.path, ...middlewares, async (req: Request, res: Response) => {
    const body = await handle(req, res);
    res.status(contract.status ?? 200).json(body);
  });
}
