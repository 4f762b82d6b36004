// The worker thread of `gongkai import` (catalog.import.ts): prepares each batch it is sent
// (catalog.import.batch.ts) while the import's thread writes the one before. Plain JavaScript,
// since a worker starts without the process's TypeScript loader. It loads the sources through
// tsx's require hook, which compiles on this thread: tsx's ESM loader runs its hooks on a
// thread of their own and doubled the worker's start (0.4 → 0.8 s of CPU, issue 17).
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/cjs/api';

register();
const { postable, prepareBatch, RowPreparationError } = createRequire(import.meta.url)('./catalog.import.batch.ts');

parentPort.on('message', ({ id, input }) => {
  try {
    const { posted, transfer } = postable(prepareBatch(input));
    parentPort.postMessage({ id, posted }, transfer);
  } catch (error) {
    parentPort.postMessage({ id, failed: error instanceof RowPreparationError ? { line: error.line, reason: error.reason } : { reason: String(error?.stack ?? error) } });
  }
});
