import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { parse, printSchema } from 'graphql';
import { subgraphUrl, type SubgraphName } from '@shop/platform';

export const REPO_ROOT = join(__dirname, '..', '..');
export const SUPERGRAPH_FILE = join(REPO_ROOT, 'supergraph.graphql');
/** The public API schema, for client codegen and for people reading the API. */
export const API_SCHEMA_FILE = join(REPO_ROOT, 'web', 'schema.graphql');

export interface SubgraphSource {
  name: string;
  url: string;
  typeDefs: string;
}

/** Every subgraph's schema.graphql, with the URL the gateway reaches it at. */
export function readSubgraphSources(env: NodeJS.ProcessEnv = process.env): SubgraphSource[] {
  const dir = join(REPO_ROOT, 'subgraphs');
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'schema.graphql')))
    .sort()
    .map((name) => ({
      name,
      url: subgraphUrl(name as SubgraphName, env),
      typeDefs: readFileSync(join(dir, name, 'schema.graphql'), 'utf8'),
    }));
}

export class CompositionError extends Error {
  constructor(readonly errors: string[]) {
    super(`Composition failed:\n${errors.map((error) => `  - ${error}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Composes the subgraph schemas into the supergraph SDL (URLs are the local defaults). */
export function composeSupergraph(sources: SubgraphSource[] = readSubgraphSources({})): string {
  const result = composeServices(
    sources.map((source) => ({ name: source.name, url: source.url, typeDefs: parse(source.typeDefs) })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return result.supergraphSdl;
}

/** The public API schema clients see: the supergraph without its @inaccessible parts. */
export function apiSchemaSdl(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
}
