/**
 * Run one worker thread per job on a module that answers its workerData
 * with one message (see ingest/parallel.ts and downloads/write-all.ts), and
 * collect the answers in job order.
 */
import { Worker } from 'node:worker_threads';

export function runInWorkers<Job, Result>(module: URL, jobs: readonly Job[], what: string): Promise<Result[]> {
  // Heap-size flags are per process; workers reject them.
  const execArgv = process.execArgv.filter((a) => !/^--max-(?:old|semi)-space-size/.test(a));
  return Promise.all(
    jobs.map(
      (job) =>
        new Promise<Result>((resolve, reject) => {
          const worker = new Worker(module, { workerData: job, execArgv });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`${what} worker exited with ${code}`)));
        }),
    ),
  );
}
