/**
 * The console's chunks travel compressed (issue 8): the build writes Brotli and gzip copies
 * (web/vite.config.ts) and the server sends the one the browser accepts.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withDemoCity } from '../support/app.ts';

const ASSETS = 'web/dist/assets';
const built = existsSync(ASSETS);

describe('compressed console assets', () => {
  const city = withDemoCity();

  it.skipIf(!built)('sends the largest chunk as Brotli or gzip, at well under half its size, and plain to a client that accepts neither', async () => {
    const t = city();
    const largest = readdirSync(ASSETS).filter((f) => f.endsWith('.js')).sort((a, b) => statSync(`${ASSETS}/${b}`).size - statSync(`${ASSETS}/${a}`).size)[0]!;
    const size = statSync(`${ASSETS}/${largest}`).size;
    const get = (encoding: string) => t.app.inject({ method: 'GET', url: `/admin/assets/${largest}`, headers: { 'accept-encoding': encoding } });
    const br = await get('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(size / 2);
    const gz = await get('gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(size / 2);
    const plain = await get('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBe(size);
  });
});
