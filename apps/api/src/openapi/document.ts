import { z } from 'zod';
import { ZErrorBody, routes, type RouteContract } from '@playloop/shared';

const toSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' });
const toOutputSchema = (schema: z.ZodType) =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any' });

function queryParams(schema: z.ZodType) {
  const json = toSchema(schema) as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema: s,
  }));
}

/** OpenAPI 3.1 generated from the shared route contracts (JSON Schema 2020-12 is 3.1's dialect). */
export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [name, route] of Object.entries(routes) as [string, RouteContract][]) {
    const path = route.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    const params = [...route.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    paths[path] ??= {};
    paths[path][route.method] = {
      operationId: name,
      summary: route.summary,
      tags: [route.tag],
      ...(params.length ? { parameters: params } : {}),
      ...(route.auth === 'access' ? { security: [{ bearer: [] }] } : {}),
      ...(route.auth === 'refresh' ? { security: [{ refreshCookie: [] }] } : {}),
      ...(route.auth === 'apiKey' ? { security: [{ apiKey: [] }] } : {}),
      ...(route.roles ? { 'x-roles': ['admin', ...route.roles] } : {}),
      ...(route.query ? { parameters: [...params, ...queryParams(route.query)] } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.body) } },
            },
          }
        : {}),
      responses: {
        [String(route.status ?? 200)]: {
          description: 'Success',
          content: { 'application/json': { schema: toOutputSchema(route.response) } },
        },
        default: {
          description: 'Error',
          content: { 'application/json': { schema: toOutputSchema(ZErrorBody) } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Playloop API', version, description: 'Real-time gamified referral platform' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        refreshCookie: { type: 'apiKey', in: 'cookie', name: 'pl_rt' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-Api-Key' },
      },
    },
    paths,
  };
}
