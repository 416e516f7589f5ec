'use strict';
// Runs the ONNX encoder off the main thread: onnxruntime-node's run() is synchronous native
// work, which would otherwise stall every request while the catalog is being indexed.
// Plain JavaScript so that it starts the same under tsx, jest and node.
const { parentPort, workerData } = require('node:worker_threads');
const ort = require('onnxruntime-node');

const sessionReady = ort.InferenceSession.create(workerData.modelPath, {
  graphOptimizationLevel: 'all',
  intraOpNumThreads: workerData.threads,
  interOpNumThreads: 1,
});

/**
 * Message: { id, ids: Int32Array (rows × length, padded), lengths: Int32Array, length, padId }.
 * Answer: { id, vectors: Float32Array (rows × dimension), mean-pooled over real tokens and L2-normalized }.
 */
parentPort.on('message', async (message) => {
  const { id, ids, lengths, length, dimension } = message;
  try {
    const session = await sessionReady;
    const rows = lengths.length;
    const size = rows * length;
    const inputIds = new BigInt64Array(size);
    const mask = new BigInt64Array(size);
    for (let row = 0; row < rows; row += 1) {
      for (let t = 0; t < length; t += 1) {
        inputIds[row * length + t] = BigInt(ids[row * length + t]);
        mask[row * length + t] = t < lengths[row] ? 1n : 0n;
      }
    }
    const dims = [rows, length];
    const output = await session.run({
      input_ids: new ort.Tensor('int64', inputIds, dims),
      attention_mask: new ort.Tensor('int64', mask, dims),
      token_type_ids: new ort.Tensor('int64', new BigInt64Array(size), dims),
    });
    const hidden = output.last_hidden_state.data;
    const vectors = new Float32Array(rows * dimension);
    for (let row = 0; row < rows; row += 1) {
      const out = row * dimension;
      for (let t = 0; t < lengths[row]; t += 1) {
        const offset = (row * length + t) * dimension;
        for (let d = 0; d < dimension; d += 1) vectors[out + d] += hidden[offset + d];
      }
      let norm = 0;
      for (let d = 0; d < dimension; d += 1) norm += vectors[out + d] * vectors[out + d];
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dimension; d += 1) vectors[out + d] /= norm;
    }
    parentPort.postMessage({ id, vectors }, [vectors.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.stack || error.message : String(error) });
  }
});
