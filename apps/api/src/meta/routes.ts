// GET /api/config · GET /api/openapi.json
import { Router } from 'express';
import { routes, type TPublicConfig } from '@playloop/shared';
import { mount } from '../http/route.js';
import { buildOpenApiDocument } from '../openapi/document.js';

export function metaRoutes(publicConfig: TPublicConfig): Router {
  const router = Router();
  const openapi = buildOpenApiDocument('0.1.0');
  mount(router, routes.publicConfig, () => publicConfig);
  router.get('/api/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  return router;
}
