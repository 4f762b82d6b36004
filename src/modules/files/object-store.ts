import type { ObjectStoreSettings } from '../../config.ts';
import { AwsClient } from 'aws4fetch';
import { XMLParser } from 'fast-xml-parser';

/**
 * Stored files in an S3-compatible object store (issue 17: several app machines share them):
 * MinIO on premises, or the Chinese clouds' OSS, OBS and COS, which speak the same API.
 * Requests are signed with aws4fetch (AWS Signature V4 over the platform's fetch; see
 * docs/dependencies.md) and address the bucket by path (`endpoint/bucket/key`), which every
 * one of them accepts.
 */

export class ObjectStore {
  private readonly client: AwsClient;
  private readonly base: string;
  constructor(readonly settings: ObjectStoreSettings) {
    this.client = new AwsClient({ accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, region: settings.region, service: 's3' });
    this.base = `${settings.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(settings.bucket)}`;
  }

  private async call(method: string, key: string, body?: Uint8Array, query = ''): Promise<Response> {
    const res = await this.client.fetch(`${this.base}/${key}${query}`, { method, body: body as BodyInit | undefined });
    if (!res.ok && res.status !== 404) throw new Error(`object store ${method} ${key}: HTTP ${res.status} ${(await res.text()).slice(0, 200)}`);
    return res;
  }

  async has(key: string): Promise<boolean> {
    return (await this.call('HEAD', key)).ok;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    await this.call('PUT', key, bytes);
  }

  /** The object's bytes, or null when there is none. */
  async get(key: string): Promise<Uint8Array | null> {
    const res = await this.call('GET', key);
    return res.ok ? new Uint8Array(await res.arrayBuffer()) : null;
  }

  /** Every key under `prefix` (ListObjectsV2, a page of up to 1,000 at a time). */
  async *keys(prefix: string): AsyncIterable<string> {
    const parser = new XMLParser({ isArray: (name) => name === 'Contents' });
    let token: string | undefined;
    do {
      const q = `?list-type=2&prefix=${encodeURIComponent(prefix)}${token ? `&continuation-token=${encodeURIComponent(token)}` : ''}`;
      const res = await this.client.fetch(`${this.base}${q}`);
      if (!res.ok) throw new Error(`object store list ${prefix}: HTTP ${res.status}`);
      const page = parser.parse(await res.text()).ListBucketResult ?? {};
      for (const c of page.Contents ?? []) yield String(c.Key);
      token = String(page.IsTruncated) === 'true' ? page.NextContinuationToken : undefined;
    } while (token);
  }
}

