import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { guardAnswers, type GuardAnswers } from '../../../../libs/identity/src';

/** A controller method that answers HTTP, with what the global guard asks of it. */
export interface GuardedRoute extends GuardAnswers {
  /** Swagger's default operationId: `<Controller>_<method>`. */
  operationId: string;
  controller: Type;
  handler: string;
}

/** Every route handler of the app's controllers, found through the module container (no HTTP needed). */
export function guardedRoutes(app: INestApplication): GuardedRoute[] {
  const routes: GuardedRoute[] = [];
  const seen = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      for (const handler of Object.getOwnPropertyNames(controller.prototype)) {
        const method = (controller.prototype as Record<string, unknown>)[handler];
        if (handler === 'constructor' || typeof method !== 'function') continue;
        if (
          Reflect.getMetadata(PATH_METADATA, method) === undefined ||
          Reflect.getMetadata(METHOD_METADATA, method) === undefined
        )
          continue;
        routes.push({
          operationId: `${controller.name}_${handler}`,
          controller,
          handler,
          ...guardAnswers(method, controller),
        });
      }
    }
  }
  return routes;
}
