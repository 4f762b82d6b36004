import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/city.ts';
import { withDemoCity } from '../support/app.ts';
import { fillPath, openApiOperations, type Operation } from '../support/openapi.ts';

/**
 * Issue 9: every operation an anonymous caller can reach, fed random input — path parameters,
 * query strings and bodies of the wrong type, shape, size and encoding — never answers 5xx.
 * The operations come from the OpenAPI description (those that do not answer 401 without a
 * session), plus the portal's forms. `FUZZ_CASES` cases each: 200 in the suite,
 * `npm run test:fuzz` runs 1,000. Seeded (the benchmark's generator): a failure repeats.
 */
const CASES = Number(process.env.FUZZ_CASES ?? 200);

const STRINGS = ['', ' ', '0', '-1', '1e309', 'null', 'true', '[]', '{}', '%', '%zz', '%00', '\u0000', '../../etc/passwd', '<script>alert(1)</script>', "' or 1=1 --", '"', '\\', '2026-02-30', '2026-11-23T02:00:00Z', '11010519491231002X', '政府信息公开', '𠮷野家', 'a'.repeat(5000), '\ud800', 'NaN', '__proto__', 'constructor'];

function value(r: () => number, depth = 0): unknown {
  const pick = Math.floor(r() * (depth > 3 ? 6 : 9));
  switch (pick) {
    case 0: return STRINGS[Math.floor(r() * STRINGS.length)];
    case 1: return Math.floor((r() - 0.5) * 2 ** (r() * 60));
    case 2: return r() < 0.5;
    case 3: return null;
    case 4: return r() * 1e6;
    case 5: return String.fromCharCode(...Array.from({ length: Math.floor(r() * 40) }, () => Math.floor(r() * 0xffff)));
    case 6: return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1));
    default: return Object.fromEntries(Array.from({ length: Math.floor(r() * 5) }, () => [String(value(r, 4)).slice(0, 20), value(r, depth + 1)]));
  }
}

/** A path or query part: encoded, or raw when it cannot be (a lone surrogate), then cut to a length a URL carries. */
function segment(r: () => number): string {
  const v = String(value(r, 4));
  try {
    return encodeURIComponent(v).slice(0, 300) || 'x';
  } catch {
    return '%ED%A0%80';
  }
}

async function anonymousOperations(app: FastifyInstance): Promise<Operation[]> {
  const ops: Operation[] = [];
  for (const op of await openApiOperations(app)) {
    const res = await app.inject({ method: op.method as 'GET', url: fillPath(op.path, () => 'probe') });
    if (res.statusCode !== 401) ops.push(op);
  }
  return [...ops, { method: 'POST', path: '/xxgk/status' }, { method: 'POST', path: '/xxgk/{code}/apply' }, { method: 'GET', path: '/search' }, { method: 'GET', path: '/xxgk/{code}/catalog' },
    { method: 'POST', path: '/xxgk/{code}/messages/new' }, { method: 'GET', path: '/xxgk/{code}/messages' }, { method: 'GET', path: '/messages/track/{token}' }, { method: 'POST', path: '/messages/track/{token}/rate' }];
}

describe(`issue 9: fuzzing every anonymous operation (${CASES} cases each) never gives a 5xx`, () => {
  const city = withDemoCity();

  it('answers every random request below 500', { timeout: 600_000 }, async () => {
    const t = city();
    const ops = await anonymousOperations(t.app);
    expect(ops.length).toBeGreaterThan(8);
    const failures: string[] = [];
    for (const [i, op] of ops.entries()) {
      const r = prng(9000 + i);
      for (let n = 0; n < CASES; n++) {
        const path = fillPath(op.path, () => segment(r));
        const query = Array.from({ length: Math.floor(r() * 4) }, () => `${segment(r).slice(0, 20)}=${segment(r)}`).join('&');
        const form = r() < 0.3;
        const nesting = 1 + Math.floor(r() * 100_000);
        const body = op.method === 'GET' ? undefined
          : form ? new URLSearchParams(Object.entries((value(r, 3) as object) ?? {}).map(([k, v]) => [k, String(v)])).toString()
          : n % 50 === 0 ? '['.repeat(nesting) + ']'.repeat(nesting) : JSON.stringify(value(r));
        const res = await t.app.inject({
          method: op.method as 'GET',
          url: `${path}${query ? `?${query}` : ''}`,
          ...(body === undefined ? {} : { payload: body, headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' } }),
        });
        if (res.statusCode >= 500) failures.push(`${op.method} ${path}?${query} ${String(body).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
      }
      t.clock.advance(61);
    }
    expect(failures).toEqual([]);
  });
});
