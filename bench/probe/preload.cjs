// Loaded with NODE_OPTIONS=--require by the services the bench starts: node runs NODE_OPTIONS
// preloads before the command line's `--import tsx`, so this plain-JS shim registers tsx first.
// Main thread only (worker threads get NODE_OPTIONS too).
const { isMainThread } = require('node:worker_threads');

if (isMainThread && process.env.BENCH_PROBE === '1') {
  require('tsx/cjs/api').register();
  require('./instrument.ts');
}
