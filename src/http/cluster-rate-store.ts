import cluster, { type Worker } from 'node:cluster';
import type { RouteOptions } from 'fastify';

/**
 * Rate limits across the server processes of one machine (issue 17, `--workers`):
 * @fastify/rate-limit counts in each process's memory, so N workers would let N times the
 * limit through. In a worker this store asks the primary process, which holds the one count
 * per route and client. Several machines behind a load balancer still count per machine:
 * the bound is then the limit × the number of machines (docs/deployment.md).
 */

type Count = { current: number; ttl: number };
type Ask = { gongkaiRate: 'incr'; id: number; key: string; timeWindow: number };
type Answer = { gongkaiRate: 'count'; id: number } & Count;

let nextId = 0;
const waiting = new Map<number, (c: Count) => void>();
let listening = false;

function ask(key: string, timeWindow: number): Promise<Count> {
  if (!listening) {
    listening = true;
    process.on('message', (m: Answer) => {
      if (m?.gongkaiRate !== 'count') return;
      waiting.get(m.id)?.({ current: m.current, ttl: m.ttl });
      waiting.delete(m.id);
    });
  }
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    process.send!({ gongkaiRate: 'incr', id, key, timeWindow } satisfies Ask);
  });
}

/** The store class @fastify/rate-limit instantiates; one child per route, named by method and URL. */
export class ClusterRateStore {
  private readonly prefix: string;
  /** @fastify/rate-limit passes its options first; a route's child gets its name second. */
  constructor(_options?: unknown, prefix = '') {
    this.prefix = prefix;
  }
  incr(key: string, cb: (err: Error | null, res?: Count) => void, timeWindow: number): void {
    ask(`${this.prefix}|${key}`, timeWindow).then((c) => cb(null, c), cb);
  }
  child(routeOptions: RouteOptions & { routeInfo?: Partial<RouteOptions> }): ClusterRateStore {
    return new ClusterRateStore(undefined, `${String(routeOptions.routeInfo?.method ?? '')} ${routeOptions.routeInfo?.url ?? ''}`);
  }
}

/** Whether this process is a worker whose primary keeps the counts. */
export const countsInPrimary = () => cluster.isWorker && typeof process.send === 'function';

/** In the primary: the counts every worker's ClusterRateStore asks for (fixed windows, as LocalStore). */
export function serveRateCounts(): () => void {
  const counts = new Map<string, { current: number; start: number; window: number }>();
  const onMessage = (worker: Worker, m: Ask) => {
    if (m?.gongkaiRate !== 'incr') return;
    const now = Date.now();
    let c = counts.get(m.key);
    if (!c || c.start + c.window <= now) counts.set(m.key, (c = { current: 0, start: now, window: m.timeWindow }));
    c.current++;
    worker.send({ gongkaiRate: 'count', id: m.id, current: c.current, ttl: c.start + c.window - now } satisfies Answer);
  };
  cluster.on('message', onMessage);
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [k, c] of counts) if (c.start + c.window <= now) counts.delete(k);
  }, 60_000);
  sweep.unref();
  return () => {
    clearInterval(sweep);
    cluster.off('message', onMessage);
  };
}
