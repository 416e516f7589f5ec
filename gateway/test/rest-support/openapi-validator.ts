import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

export interface OpenApiOperation {
  operationId: string;
  parameters: Array<{ name: string; in: string; required: boolean; schema: Json }>;
  requestBody?: { content: { 'application/json': { schema: Json } } };
  responses: Record<string, { description: string; content?: { 'application/json': { schema: Json } } }>;
}

export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Json> };
}

const BASE = 'https://shop.test/schemas/';

/** `#/components/schemas/X` becomes an absolute id Ajv can resolve between schemas. */
const absolute = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${BASE}`)) as T;

/**
 * Validates JSON against the schemas of a served OpenAPI 3.1 document with Ajv's JSON Schema
 * 2020-12 dialect, in strict mode: a schema Ajv cannot compile fails the test too.
 */
export class OpenApiValidator {
  private readonly ajv = new Ajv2020({ strict: true, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    for (const [id, schema] of Object.entries(document.components.schemas)) {
      this.ajv.addSchema({ ...absolute(schema), $id: `${BASE}${id}` });
    }
  }

  operation(operationId: string): { path: string; method: string; operation: OpenApiOperation } {
    for (const [path, methods] of Object.entries(this.document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        if (operation.operationId === operationId) return { path, method, operation };
      }
    }
    throw new Error(`no operation ${operationId} in the document`);
  }

  compile(schema: Json): ValidateFunction {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(absolute(schema));
      this.compiled.set(key, validate);
    }
    return validate;
  }

  /** Ajv's errors for a response body of the operation and status, or [] when it matches the document. */
  responseErrors(operationId: string, status: number, body: unknown): string[] {
    const response = this.operation(operationId).operation.responses[String(status)];
    if (!response?.content) return [`status ${status} is not documented for ${operationId}`];
    const validate = this.compile(response.content['application/json'].schema);
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
  }
}
