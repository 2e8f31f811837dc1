/**
 * GitHub's official OpenAPI description (@octokit/openapi), cut down to the operations the simulator serves.
 *
 * The full description is 13 MB with about a thousand operations; compiling validators for all of them
 * would take far longer than a test run, so only the served paths and the components they reference are kept.
 * Nothing else is edited (see `normaliseNullable` for the one rewrite): what remains is GitHub's own text.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The descriptions the simulator can enforce: github.com, and GitHub Enterprise Server (served under `/api/v3`). */
export type DescriptionName = 'api.github.com' | 'ghes-3.19' | 'ghes-3.18' | 'ghes-3.17';

/** Every operation the simulator answers, by GitHub's operationId. */
export const SERVED_OPERATION_IDS = [
  'apps/get-authenticated',
  'apps/get-installation',
  'apps/create-installation-access-token',
  'apps/get-repo-installation',
  'apps/list-installations',
  'apps/list-repos-accessible-to-installation',
  'repos/get',
  'repos/get-content',
  'repos/download-tarball-archive',
  'pulls/get',
  'pulls/list',
  'pulls/list-files',
  'git/get-blob',
  'git/get-tree',
  'checks/create',
  'checks/update',
  'checks/get',
  'checks/list-for-ref',
  'checks/list-annotations',
] as const;

export type ServedOperationId = (typeof SERVED_OPERATION_IDS)[number];

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

type JsonObject = Record<string, unknown>;

export interface OpenApiDocument extends JsonObject {
  openapi: string;
  info: JsonObject;
  paths: Record<string, Record<string, JsonObject>>;
  components: Record<string, Record<string, unknown>>;
}

const descriptionCache = new Map<string, OpenApiDocument>();

export function descriptionFilePath(name: DescriptionName): string {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('@octokit/openapi/package.json');
  return path.join(path.dirname(packageJson), 'generated', `${name}.json`);
}

/**
 * Returns the named description restricted to `operationIds` (and the components they reference).
 * Cached per process; callers must not mutate the result (openapi-backend dereferences a copy).
 */
export function loadServedDescription(
  name: DescriptionName,
  operationIds: readonly string[] = SERVED_OPERATION_IDS,
): OpenApiDocument {
  const cacheKey = `${name}\n${[...operationIds].sort().join(',')}`;
  const cached = descriptionCache.get(cacheKey);
  if (cached) return cached;
  const full = JSON.parse(readFileSync(descriptionFilePath(name), 'utf8')) as OpenApiDocument;
  const pruned = pruneDescription(full, operationIds);
  descriptionCache.set(cacheKey, pruned);
  return pruned;
}

/** Keeps only the operations named, plus every component reachable from them through `$ref`. */
export function pruneDescription(full: OpenApiDocument, operationIds: readonly string[]): OpenApiDocument {
  const wanted = new Set(operationIds);
  const paths: OpenApiDocument['paths'] = {};
  for (const [route, item] of Object.entries(full.paths)) {
    const keptItem: Record<string, JsonObject> = {};
    for (const [key, value] of Object.entries(item)) {
      const isOperation = (HTTP_METHODS as readonly string[]).includes(key);
      if (isOperation && wanted.has(String((value as JsonObject).operationId))) keptItem[key] = value;
    }
    if (Object.keys(keptItem).length === 0) continue;
    // Path-level parameters apply to every operation on the path.
    if (item.parameters) keptItem.parameters = item.parameters as unknown as JsonObject;
    paths[route] = keptItem;
  }

  const found = new Set<string>();
  for (const item of Object.values(paths)) for (const operation of Object.values(item)) found.add(String(operation.operationId));
  const missing = operationIds.filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`The OpenAPI description has no operation ${missing.join(', ')}`);

  const components: OpenApiDocument['components'] = {};
  const pending: string[] = [];
  collectRefs(paths, pending);
  const seen = new Set<string>();
  while (pending.length > 0) {
    const ref = pending.pop() as string;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const match = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
    if (!match) throw new Error(`Unsupported $ref '${ref}' in the OpenAPI description`);
    const [, section, key] = match as unknown as [string, string, string];
    const value = full.components[section]?.[key];
    if (value === undefined) throw new Error(`Dangling $ref '${ref}' in the OpenAPI description`);
    (components[section] ??= {})[key] = value;
    collectRefs(value, pending);
  }

  return normaliseNullable({ openapi: full.openapi, info: full.info, paths, components });
}

/**
 * Two readings of `nullable` differ between OpenAPI 3.0.3 and GitHub's intent; both are rewritten to GitHub's.
 * GitHub marks a few untyped schemas (an `anyOf` of two objects) `nullable`. OpenAPI 3.0.3 gives `nullable` no
 * effect without `type`, and Ajv refuses it; GitHub's intent (and its real responses) is "or null", so say that
 * in plain JSON Schema.
 */
function normaliseNullable<T>(value: T): T {
  if (Array.isArray(value)) return value.map(normaliseNullable) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, child]) => [key, normaliseNullable(child)] as const);
  const copy = Object.fromEntries(entries) as JsonObject;
  // OpenAPI 3.0.3: with `enum`, null is allowed only when listed; GitHub means "one of these, or null".
  if (copy.nullable === true && Array.isArray(copy.enum) && !copy.enum.includes(null)) copy.enum = [...copy.enum, null];
  if (copy.nullable === true && copy.type === undefined && copy.$ref === undefined) {
    const { nullable: _nullable, description, ...schema } = copy;
    return { ...(description === undefined ? {} : { description }), anyOf: [schema, { type: 'null' }] } as T;
  }
  return copy as T;
}

function collectRefs(value: unknown, into: string[]): void {
  if (Array.isArray(value)) {
    for (const element of value) collectRefs(element, into);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') into.push(child);
    else collectRefs(child, into);
  }
}
