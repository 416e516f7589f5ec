import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { buildSchema } from 'graphql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import schemaSource from '../../schema.graphql?raw';

// The public schema ships inside the bundle: docs (with every description) and autocompletion
// work offline and even where the gateway turns introspection off.
const schema = buildSchema(schemaSource);

const DEFAULT_QUERY = `# Welcome to the Meridian supergraph.
# Docs for every type are in the sidebar; set headers (e.g. X-Api-Key) in the Headers tab below.
query Trending($region: String = "eu") {
  trending(first: 5) {
    id
    name
    brand
    price { amount currencyCode }
    stock(region: $region) { available inStock }
  }
}
`;

type Json = Record<string, unknown>;

/** Sends operations to the gateway with the browser's cookies, plus whatever headers were set in the editor. */
async function fetcher(params: Json, options?: { headers?: Json }) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(options?.headers ?? {})) if (typeof value === 'string') headers[name] = value;
  const response = await fetch('/graphql', { method: 'POST', credentials: 'include', headers, body: JSON.stringify(params) });
  const text = await response.text();
  try {
    return JSON.parse(text) as Json;
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
  }
}

createRoot(document.getElementById('explorer')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} schema={schema} defaultQuery={DEFAULT_QUERY} isHeadersEditorEnabled defaultEditorToolsVisibility="headers" />
  </StrictMode>,
);
