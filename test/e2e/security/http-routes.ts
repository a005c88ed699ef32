import type { INestApplication } from '@nestjs/common';

export interface HttpRoute {
  method: string;
  path: string;
}

interface Layer {
  route?: { path: unknown; methods: Record<string, boolean> };
}

/**
 * Every route the running app answers (Nest controllers, Swagger, health, metrics), read from the
 * Express router, so a new endpoint shows up here without anyone listing it. The web app's
 * catch-all (a RegExp) is left out.
 */
export function httpRoutes(app: INestApplication): HttpRoute[] {
  const server = app.getHttpAdapter().getInstance() as { router?: { stack: Layer[] }; _router?: { stack: Layer[] } };
  const stack = (server.router ?? server._router)?.stack ?? [];
  const routes: HttpRoute[] = [];
  for (const layer of stack) {
    if (!layer.route || typeof layer.route.path !== 'string') continue;
    for (const method of Object.keys(layer.route.methods)) {
      if (method === '_all') continue;
      routes.push({ method: method.toUpperCase(), path: layer.route.path });
    }
  }
  return routes;
}

export const routeKey = (route: HttpRoute) => `${route.method} ${route.path}`;
