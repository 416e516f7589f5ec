import type { Fixtures } from './fixtures';
import type { Load, LoadResult } from './load-protocol';
import type { LoadRunner } from './load-runner';
import type { Section } from './report';
import type { System } from './system';

export interface BenchOptions {
  quick: boolean;
  /** Runs behind every figure (at least 3). */
  runs: number;
  /** Seconds of one load run of the page scenario. */
  seconds: number;
  /** Seconds of one run of a side-by-side comparison (interleaving does the rest). */
  pairSeconds: number;
}

export interface BenchContext {
  system: System;
  fixtures: Fixtures;
  load: LoadRunner;
  options: BenchOptions;
  log: (line: string) => void;
}

export type SectionBody = Omit<Section, 'id' | 'title' | 'seconds'>;

export interface Scenario {
  id: string;
  title: string;
  /** One line for `--list`. */
  about: string;
  /** Part of a `--quick` run. */
  quick: boolean;
  /** Slow setup (not timed) started right after the shop is up, so it overlaps the bench's own setup. */
  prepare?(context: Pick<BenchContext, 'system' | 'options' | 'log'>): void;
  run(context: BenchContext): Promise<SectionBody>;
  /** Stops whatever `prepare` or `run` left running; called once at the end, whatever happened. */
  cleanup?(): Promise<void>;
}

/** A load result's failures, as one number for a table cell. */
export const failuresOf = (result: LoadResult) => result.non2xx + result.socketErrors + result.timeouts + result.graphqlErrors;

/** One short unrecorded run of each load first: plans cached, connections and JIT warm. */
export async function warmUp(context: BenchContext, loads: readonly Load[]): Promise<void> {
  for (const load of loads) await context.load.run({ load, connections: 2, durationSec: 0.5 });
}

/** Runs `rounds` rounds of `tasks`, in order within a round and alternating direction between rounds, so no task always goes first. */
export async function interleave<T>(rounds: number, tasks: ReadonlyArray<() => Promise<T>>): Promise<T[][]> {
  const results: T[][] = tasks.map(() => []);
  for (let round = 0; round < rounds; round++) {
    const order = tasks.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) results[i]!.push(await tasks[i]!());
  }
  return results;
}
