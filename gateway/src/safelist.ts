import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { z } from 'zod';
import { REPO_ROOT } from './composition';

/** The registered operations' sources (one named operation per file) and the manifest built from them. */
export const SAFELIST_OPERATIONS_DIR = join(REPO_ROOT, 'gateway', 'safelist', 'operations');
export const SAFELIST_MANIFEST_FILE = join(REPO_ROOT, 'gateway', 'safelist', 'manifest.json');

const operationSchema = z.object({
  /** sha256 (hex) of `body`: what a client sends as `extensions.persistedQuery.sha256Hash`. */
  id: z.string().regex(/^[0-9a-f]{64}$/),
  name: z.string().min(1),
  type: z.enum(['query', 'mutation', 'subscription']),
  body: z.string().min(1),
});

/** Apollo's persisted query manifest format (what `@apollo/generate-persisted-query-manifest` writes). */
export const safelistManifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z.array(operationSchema),
});

export type SafelistManifest = z.infer<typeof safelistManifestSchema>;
export type SafelistedOperation = z.infer<typeof operationSchema>;

export const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');

function operationOf(document: DocumentNode, file: string): OperationDefinitionNode {
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || !operations[0]!.name) throw new Error(`${file}: a safelist file holds exactly one named operation (and its fragments)`);
  return operations[0]!;
}

/** The manifest of every `*.graphql` in the directory: bodies printed by graphql-js, ids their sha256, sorted by name. */
export function buildSafelistManifest(dir: string = SAFELIST_OPERATIONS_DIR): SafelistManifest {
  const files = existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.graphql')).sort() : [];
  const operations = files.map((file): SafelistedOperation => {
    const document = parse(readFileSync(join(dir, file), 'utf8'));
    const operation = operationOf(document, file);
    const body = print(document);
    return { id: sha256Hex(body), name: operation.name!.value, type: operation.operation, body };
  });
  const names = new Set<string>();
  for (const operation of operations) {
    if (names.has(operation.name)) throw new Error(`two safelisted operations are named ${operation.name}`);
    names.add(operation.name);
  }
  return { format: 'apollo-persisted-query-manifest', version: 1, operations: operations.sort((a, b) => a.name.localeCompare(b.name)) };
}

export function printManifest(manifest: SafelistManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function readSafelistManifest(file: string = SAFELIST_MANIFEST_FILE): SafelistManifest {
  if (!existsSync(file)) return { format: 'apollo-persisted-query-manifest', version: 1, operations: [] };
  return safelistManifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** Looks registered operations up by id, by their exact text, or by their text once normalized (parsed and printed). */
export class Safelist {
  private readonly byId: Map<string, SafelistedOperation>;

  constructor(
    manifest: SafelistManifest,
    private readonly options: { maxTokens: number } = { maxTokens: 2_000 },
  ) {
    this.byId = new Map(manifest.operations.map((operation) => [operation.id, operation]));
  }

  get size(): number {
    return this.byId.size;
  }

  byHash(sha256: string): SafelistedOperation | undefined {
    return this.byId.get(sha256.toLowerCase());
  }

  /** The registered operation this text is (whitespace, commas and comments aside); undefined when none or unparsable. */
  byText(query: string): SafelistedOperation | undefined {
    const exact = this.byId.get(sha256Hex(query));
    if (exact) return exact;
    try {
      return this.byId.get(sha256Hex(print(parse(query, { maxTokens: this.options.maxTokens }))));
    } catch {
      return undefined;
    }
  }
}
