import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
// The planner @apollo/gateway itself runs (its dependency, at the version the gateway resolves).
import { QueryPlanner, type PlanNode, type QueryPlan, type SubscriptionNode } from '@apollo/query-planner';
import { parse } from 'graphql';
import { SUPERGRAPH_FILE } from '@shop/gateway';
import { summarize } from './stats';
import type { LatencySummary } from './load-protocol';

/** Fetches a plan makes per subgraph, in plan order (sequences and parallel groups flattened). */
export function fetchesOf(plan: QueryPlan): Record<string, number> {
  const counts: Record<string, number> = {};
  const visit = (node: PlanNode | SubscriptionNode | undefined): void => {
    if (!node) return;
    switch (node.kind) {
      case 'Fetch':
        counts[node.serviceName] = (counts[node.serviceName] ?? 0) + 1;
        return;
      case 'Sequence':
      case 'Parallel':
        return node.nodes.forEach(visit);
      case 'Flatten':
        return visit(node.node);
      case 'Condition':
        visit(node.ifClause);
        return visit(node.elseClause);
      case 'Defer':
        visit(node.primary.node);
        return node.deferred.forEach((deferred) => visit(deferred.node));
      case 'Subscription':
        visit(node.primary);
        return visit(node.rest);
    }
  };
  visit(plan.node);
  return counts;
}

export interface PlanCost {
  /** What a plan-cache miss costs the gateway: operation from the document, then the plan (ms). */
  miss: LatencySummary;
  /** What a hit costs: hashing the query text into the cache key (ms). */
  hitKey: LatencySummary;
  fetches: Record<string, number>;
}

/** Plans `query` the way @apollo/gateway does on a cache miss, `samples` times after a warm-up. */
let built: { planner: QueryPlanner; apiSchema: ReturnType<Supergraph['apiSchema']> } | undefined;

function plannerOfSupergraph() {
  if (!built) {
    const supergraph = Supergraph.build(readFileSync(SUPERGRAPH_FILE, 'utf8'));
    built = { planner: new QueryPlanner(supergraph), apiSchema: supergraph.apiSchema() };
  }
  return built;
}

export function planCost(query: string, operationName: string, samples: number): PlanCost {
  const { planner, apiSchema } = plannerOfSupergraph();
  const document = parse(query);
  const plan = () => planner.buildQueryPlan(operationFromDocument(apiSchema, document, { operationName }));
  for (let i = 0; i < 3; i++) plan();
  const miss: number[] = [];
  const hit: number[] = [];
  for (let i = 0; i < samples; i++) {
    let started = performance.now();
    plan();
    miss.push(performance.now() - started);
    started = performance.now();
    const queryHash = createHash('sha256').update(query).digest('hex');
    createHash('sha256').update(queryHash).update(operationName).digest('hex');
    hit.push(performance.now() - started);
  }
  return { miss: summarize(miss), hitKey: summarize(hit), fetches: fetchesOf(plan()) };
}
