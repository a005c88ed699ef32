import type { INestApplication, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';

// The nested types of `@Type(() => X)`; class-transformer exports its storage only from this file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: MetadataStorage;
};

/** Nest's RouteParamtypes.BODY: the key prefix of a `@Body()` parameter in the route-arguments metadata. */
const BODY_PARAM = 3;

/**
 * The class of each route's `@Body()` parameter, keyed `METHOD /path` as `httpRoutes` spells it,
 * read from the controllers' metadata: a new endpoint's DTO is found without anyone listing it.
 */
export function bodyDtos(app: INestApplication): Map<string, Type> {
  const dtos = new Map<string, Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | undefined;
      if (!controller?.prototype) continue;
      const prefixes = [Reflect.getMetadata(PATH_METADATA, controller) ?? ''].flat() as string[];
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (
          name === 'constructor' ||
          typeof handler !== 'function' ||
          Reflect.getMetadata(METHOD_METADATA, handler) === undefined
        )
          continue;
        const body = Object.entries(
          (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { index: number }>,
        ).find(([key]) => key.startsWith(`${BODY_PARAM}:`));
        const dto =
          body &&
          (Reflect.getMetadata('design:paramtypes', controller.prototype, name) as Type[] | undefined)?.[body[1].index];
        if (!dto || dto === Object) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        for (const prefix of prefixes) {
          for (const path of [Reflect.getMetadata(PATH_METADATA, handler) ?? ''].flat() as string[]) {
            dtos.set(`${method} ${joinPath(prefix, path)}`, dto);
          }
        }
      }
    }
  }
  return dtos;
}

function joinPath(...parts: string[]): string {
  return `/${parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
}

/** A string field of an example body: where it is, and the DTO's `@MaxLength`/`@Length` bound if it has one. */
export interface StringField {
  path: (string | number)[];
  maxLength?: number;
}

/**
 * Every string in `example` (nested objects and arrays too) with its bound, looked up in the DTO
 * and, through `@Type(() => X)`, the nested DTOs; free-form objects (`Record<string, unknown>`) have none.
 */
export function stringFields(
  example: unknown,
  dto: Type | undefined,
  path: (string | number)[] = [],
  bound?: number,
): StringField[] {
  if (typeof example === 'string') return [{ path, maxLength: bound }];
  if (example === null || typeof example !== 'object') return [];
  // Array items share the array property's bound and item type (`{ each: true }` validators).
  if (Array.isArray(example)) return example.flatMap((item, index) => stringFields(item, dto, [...path, index], bound));
  return Object.entries(example).flatMap(([key, value]) =>
    stringFields(value, dto && nestedType(dto, key), [...path, key], dto && maxLength(dto, key)),
  );
}

function maxLength(dto: Type, property: string): number | undefined {
  const rules = getMetadataStorage()
    .getTargetValidationMetadatas(dto, '', true, false)
    .filter((rule) => rule.propertyName === property);
  const bounds = rules.flatMap((rule) =>
    rule.name === 'maxLength'
      ? [Number(rule.constraints[0])]
      : rule.name === 'length' && rule.constraints[1] !== undefined
        ? [Number(rule.constraints[1])]
        : [],
  );
  return bounds.length ? Math.min(...bounds) : undefined;
}

function nestedType(dto: Type, property: string): Type | undefined {
  const type = defaultMetadataStorage.findTypeMetadata(dto, property)?.typeFunction();
  return type && type !== Object && type !== String && type !== Number ? (type as Type) : undefined;
}

/** `example` with the value at `path` replaced. */
export function withValue(example: unknown, path: (string | number)[], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(example) ? [...example] : { ...(example as object) }) as Record<string | number, unknown>;
  copy[head] = withValue(copy[head], rest, value);
  return copy;
}
