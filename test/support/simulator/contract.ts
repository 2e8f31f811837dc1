/**
 * The API contract: routes requests and validates requests and responses against GitHub's OpenAPI description,
 * through openapi-backend (Ajv underneath). The simulator never hand-checks a field the description covers.
 */
import { OpenAPIBackend, type Operation, type Request as OpenApiRequest } from 'openapi-backend';
import { loadServedDescription, SERVED_OPERATION_IDS, type DescriptionName, type ServedOperationId } from './description.js';

export interface ContractViolation {
  /** Where the problem is, e.g. `requestBody/output/annotations` or `query.per_page`. */
  at: string;
  message: string;
}

export interface MatchedRequest {
  operationId: ServedOperationId;
  /** The documented route, e.g. `POST /repos/{owner}/{repo}/check-runs`. */
  route: string;
  /** Path parameters as GitHub names them (`owner`, `repo`, `pull_number`, ...), URL-decoded. */
  params: Record<string, string>;
  /** Violations of the description by the request (parameters and body). Empty when valid. */
  violations: ContractViolation[];
}

export interface IncomingApiRequest {
  method: string;
  /** Path without the `/api/v3` prefix and without the query string. */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[]>;
  body: unknown;
}

/** The string formats the served operations use (checked: `date-time` and `uri` are the only ones besides int64). */
const FORMATS: Record<string, (value: string) => boolean> = {
  'date-time': (value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value)),
  uri: (value) => URL.canParse(value),
};

/** One compiled description. Create with `GitHubContract.load(name)`. */
export class GitHubContract {
  private constructor(
    readonly name: DescriptionName,
    private readonly backend: OpenAPIBackend,
  ) {}

  static async load(name: DescriptionName): Promise<GitHubContract> {
    const backend = new OpenAPIBackend({
      definition: structuredClone(loadServedDescription(name)) as never,
      strict: true,
      validate: true,
      // Compile each operation's validators when first used: compiling all of them up front (GitHub's response
      // schemas are large) takes 2-10 s, and a run uses only a few. Quick mode also skips re-validating GitHub's
      // own document against the OpenAPI meta-schema; `pruneDescription` already refuses dangling references.
      quick: true,
      // GitHub's descriptions carry keywords Ajv's strict mode rejects (`example`, `x-github`); they constrain nothing.
      ajvOpts: { strict: false, allErrors: true },
      customizeAjv: (ajv) => {
        for (const [format, validate] of Object.entries(FORMATS)) ajv.addFormat(format, validate);
        return ajv;
      },
    });
    await backend.init();
    return new GitHubContract(name, backend);
  }

  /** Routes the request to an operation and validates it; undefined when no served operation has that route. */
  match(request: IncomingApiRequest): MatchedRequest | undefined {
    const openApiRequest = toOpenApiRequest(request);
    const operation = this.backend.matchOperation(openApiRequest) as Operation | undefined;
    if (!operation?.operationId) return undefined;
    const parsed = this.backend.router.parseRequest(openApiRequest, operation);
    const result = this.backend.validateRequest(openApiRequest, operation);
    return {
      operationId: operation.operationId as ServedOperationId,
      route: `${operation.method.toUpperCase()} ${operation.path}`,
      params: Object.fromEntries(Object.entries(parsed.params).map(([key, value]) => [key, safeDecode(String(value))])),
      violations: (result.errors ?? []).map(toViolation),
    };
  }

  /** Validates a JSON response body against the operation's schema for that status code. */
  validateResponse(operationId: ServedOperationId, statusCode: number, body: unknown): ContractViolation[] {
    const result = this.backend.validateResponse(body, operationId, statusCode);
    return (result.errors ?? []).map(toViolation);
  }

  /** Whether the description documents this status code for the operation (GitHub answers nothing else). */
  documentsStatus(operationId: ServedOperationId, statusCode: number): boolean {
    const operation = this.backend.getOperation(operationId);
    const responses = (operation?.responses ?? {}) as Record<string, unknown>;
    return String(statusCode) in responses || 'default' in responses;
  }

  /** Compiles the validators of these operations now, so the first real request is not slowed by it. */
  warmUp(operationIds: readonly ServedOperationId[]): void {
    for (const operationId of operationIds) {
      const operation = this.backend.getOperation(operationId);
      if (!operation) continue;
      this.backend.validateRequest({ method: operation.method, path: operation.path, headers: {}, query: {}, body: {} }, operation);
      for (const status of Object.keys(operation.responses ?? {})) {
        if (/^\d{3}$/.test(status)) this.backend.validateResponse(null, operation, Number(status));
      }
    }
  }

  /** GitHub's first documented example of the operation's success response (a fresh copy). */
  documentedExample(operationId: ServedOperationId): unknown {
    const { mock } = this.backend.mockResponseForOperation(operationId);
    return structuredClone(mock);
  }

  get operationIds(): readonly ServedOperationId[] {
    return SERVED_OPERATION_IDS;
  }
}

function toOpenApiRequest(request: IncomingApiRequest): OpenApiRequest {
  return {
    method: request.method.toLowerCase(),
    path: request.path,
    query: request.query,
    headers: request.headers,
    body: request.body as OpenApiRequest['body'],
  };
}

function toViolation(error: { instancePath?: string; message?: string; params?: unknown; keyword?: string }): ContractViolation {
  const at = (error.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.') || '(root)';
  const detail = error.params && typeof error.params === 'object' ? ` ${JSON.stringify(error.params)}` : '';
  return { at, message: `${error.message ?? error.keyword ?? 'invalid'}${detail}` };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
