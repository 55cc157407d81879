import { createServer } from 'net';
import { inspect } from 'util';
import { ExitCode, exitCodeFor } from '../../lib/api/exit-code';
import { PaletteApiError, decodeV1Error } from '../../lib/api/palette-api-error';
import { PaletteClient } from '../../lib/api/palette-client';
import { PaletteClientConfig } from '../../lib/api/palette-client-config';
import { isValidationError } from '../../lib/common/errors';
import { FAST_RETRY, Harness, startHarness, TEST_API_KEY } from './api-harness';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Runs `fn`, expects a PaletteApiError, and returns it. */
async function apiError(fn: () => Promise<unknown>): Promise<PaletteApiError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PaletteApiError);
    expect(isValidationError(e)).toBe(true);
    return e as PaletteApiError;
  }
  throw new Error('expected a PaletteApiError');
}

/** Everything an error could show: message, stack, inspection, JSON. */
function everythingShown(e: Error): string {
  return [e.message, e.stack ?? '', inspect(e, { depth: 5, showHidden: true }), JSON.stringify(e)].join('\n');
}

describe('PaletteClientConfig', () => {
  test('defaults: SaaS host, tenant scope, key from PALETTE_API_KEY', () => {
    const c = PaletteClientConfig.fromEnv({ PALETTE_API_KEY: TEST_API_KEY });
    expect(c.baseUrl).toBe('https://api.spectrocloud.com');
    expect(c.scope).toBe('tenant');
    expect(c.authHeaders()).toEqual({ ApiKey: TEST_API_KEY });
  });

  test('custom: PALETTE_HOST and PALETTE_PROJECT_UID; a bare host means https; flags win; empty values are unset', () => {
    const env = { PALETTE_API_KEY: TEST_API_KEY, PALETTE_HOST: 'palette.example.com/', PALETTE_PROJECT_UID: 'p-env' };
    const fromEnv = PaletteClientConfig.fromEnv(env);
    expect(fromEnv.baseUrl).toBe('https://palette.example.com');
    expect(fromEnv.authHeaders()).toEqual({ ApiKey: TEST_API_KEY, ProjectUid: 'p-env' });
    const flagged = PaletteClientConfig.fromEnv(env, { host: 'http://127.0.0.1:9', apiKey: 'flag-key', projectUid: 'p-flag' });
    expect(flagged.baseUrl).toBe('http://127.0.0.1:9');
    expect(flagged.authHeaders()).toEqual({ ApiKey: 'flag-key', ProjectUid: 'p-flag' });
    expect(PaletteClientConfig.fromEnv({ ...env, PALETTE_PROJECT_UID: '' }).scope).toBe('tenant');
  });

  test('custom: the key is not shown by inspect or JSON', () => {
    const c = PaletteClientConfig.fromEnv({ PALETTE_API_KEY: TEST_API_KEY, PALETTE_PROJECT_UID: 'p1' });
    expect(inspect(c, { showHidden: true })).not.toContain(TEST_API_KEY);
    expect(JSON.stringify(c)).not.toContain(TEST_API_KEY);
    expect(Object.values(c).join(' ')).not.toContain(TEST_API_KEY);
    expect(c.redact(`key ${TEST_API_KEY} here`)).toBe('key [PALETTE_API_KEY] here');
  });

  test('fails without PALETTE_API_KEY, naming the variable and the fix', () => {
    expect(() => PaletteClientConfig.fromEnv({ PALETTE_API_KEY: '  ' })).toThrow(/^PALETTE_API_KEY is not set: create an API key in Palette/);
  });

  test('fails on a key with spaces without echoing it', () => {
    let message = '';
    try {
      new PaletteClientConfig({ apiKey: `${TEST_API_KEY} x` });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/PALETTE_API_KEY .*spaces or control characters/);
    expect(message).not.toContain(TEST_API_KEY);
  });

  test('fails on a host that is not an http(s) URL, and on a malformed project uid', () => {
    expect(() => PaletteClientConfig.fromEnv({ PALETTE_API_KEY: 'k', PALETTE_HOST: 'ftp://x' })).toThrow(/PALETTE_HOST 'ftp:\/\/x' is not an http\(s\) URL/);
    expect(() => PaletteClientConfig.fromEnv({ PALETTE_API_KEY: 'k', PALETTE_HOST: 'https://u:p@x' })).toThrow(/PALETTE_HOST must be a plain address/);
    expect(() => PaletteClientConfig.fromEnv({ PALETTE_API_KEY: 'k', PALETTE_PROJECT_UID: 'a b' })).toThrow(/PALETTE_PROJECT_UID 'a b' is not a project uid/);
  });
});

describe('PaletteClient', () => {
  test('defaults: sends ApiKey, ProjectUid and Accept; JSON bodies as application/json', async () => {
    h = await startHarness();
    await h.client.listRegistries();
    await h.client.searchProfiles('Lab-Infra', '1.0.0');
    const [get, post] = h.fake.requests;
    expect(get.headers).toMatchObject({ apikey: TEST_API_KEY, projectuid: expect.any(String), accept: 'application/json' });
    expect(get.query).toEqual({ scope: 'all' });
    expect(post.headers['content-type']).toBe('application/json');
    expect(JSON.parse(post.body.toString())).toEqual({ filter: { profileName: { eq: 'Lab-Infra', ignoreCase: false }, version: { eq: '1.0.0' } }, sort: [] });
  });

  test('custom: pages the dashboard list with continue until it is empty', async () => {
    h = await startHarness({ pageSize: 2 });
    for (let i = 0; i < 5; i++) h.fake.seedProfile({ metadata: { name: 'P' }, spec: { version: `1.0.${i}`, template: { packs: [] } } });
    const all = await h.client.searchProfiles('P');
    expect(all.map((p) => p.version)).toEqual(['1.0.0', '1.0.1', '1.0.2', '1.0.3', '1.0.4']);
    expect(h.fake.requestsTo('POST', '/v1/dashboard/clusterprofiles').map((r) => r.query.continue)).toEqual([undefined, '2', '4']);
  });

  test('custom: retries 429 honouring Retry-After', async () => {
    h = await startHarness();
    h.fake.failNext({ path: '/v1/registries/metadata', status: 429, retryAfter: '0.3' });
    const started = Date.now();
    await h.client.listRegistries();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(h.fake.requestsTo('GET', '/v1/registries/metadata')).toHaveLength(2);
  });

  test('custom: retries 500, 502, 503 and 504 with backoff, then succeeds', async () => {
    h = await startHarness({}, { retry: { maxRetries: 4, minDelayMs: 1, maxDelayMs: 50 } });
    for (const status of [500, 502, 503, 504]) h.fake.failNext({ path: '/v1/clusterprofiles/macros', status });
    await expect(h.client.listMacros()).resolves.toEqual([]);
    expect(h.fake.requestsTo('GET', '/v1/clusterprofiles/macros')).toHaveLength(5);
  });

  test('fails without retrying other 4xx: 400, 404 and 409 are answered at once', async () => {
    h = await startHarness();
    for (const status of [400, 404, 409]) {
      h.fake.failNext({ path: '/v1/registries/metadata', status, body: JSON.stringify({ code: `C${status}`, message: 'no', ref: 'r-x' }) });
      const e = await apiError(() => h?.client.listRegistries() ?? Promise.resolve());
      expect([e.status, e.code, e.ref]).toEqual([status, `C${status}`, 'r-x']);
      expect(exitCodeFor(e)).toBe(ExitCode.INVALID);
    }
    expect(h.fake.requestsTo('GET', '/v1/registries/metadata')).toHaveLength(3);
  });

  test('fails after the retries with the last 503 decoded, exit 4', async () => {
    h = await startHarness();
    h.fake.failNext({ path: '/v1/clusterprofiles/macros', status: 503, times: 5, body: JSON.stringify({ code: 'ServiceUnavailable', message: 'down for maintenance', ref: 'r-9' }) });
    const e = await apiError(() => h?.client.listMacros() ?? Promise.resolve());
    expect(e.message).toBe('palette GET /v1/clusterprofiles/macros answered 503 ServiceUnavailable: down for maintenance (ref r-9): Palette kept failing after 2 retries: run again later');
    expect(exitCodeFor(e)).toBe(ExitCode.TRANSPORT);
    expect(h.fake.requestsTo('GET', '/v1/clusterprofiles/macros')).toHaveLength(3);
  });

  test('fails on 401 with "check PALETTE_API_KEY", exit 3, and the key nowhere in the error even when Palette echoes it', async () => {
    h = await startHarness({ echoKeyInAuthError: true }, { apiKey: `${TEST_API_KEY}-revoked` });
    const e = await apiError(() => h?.client.listRegistries() ?? Promise.resolve());
    expect(e.message).toMatch(/^palette GET \/v1\/registries\/metadata\?scope=all answered 401 Unauthorized: invalid api key '\[PALETTE_API_KEY\]' \(ref r-1\): check PALETTE_API_KEY \(and PALETTE_PROJECT_UID\)$/);
    expect(e.message.split('\n')).toHaveLength(1);
    expect(exitCodeFor(e)).toBe(ExitCode.AUTH);
    expect(everythingShown(e)).not.toContain(TEST_API_KEY);
    expect(h.fake.requests).toHaveLength(1);
  });

  test('fails on 403 with the same hint', async () => {
    h = await startHarness();
    h.fake.failNext({ path: '/v1/registries/metadata', status: 403, body: JSON.stringify({ code: 'Forbidden', message: 'no access to project' }) });
    const e = await apiError(() => h?.client.listRegistries() ?? Promise.resolve());
    expect(e.hint).toBe('check PALETTE_API_KEY (and PALETTE_PROJECT_UID)');
    expect(exitCodeFor(e)).toBe(ExitCode.AUTH);
  });

  test('fails on a non-JSON error body and still reports it on one line', async () => {
    h = await startHarness();
    h.fake.failNext({ path: '/v1/registries/metadata', status: 404, contentType: 'text/html', body: '<html>\n  <body>Not here</body>\n</html>' });
    const e = await apiError(() => h?.client.listRegistries() ?? Promise.resolve());
    expect(e.message).toBe('palette GET /v1/registries/metadata?scope=all answered 404 Not Found: <html> <body>Not here</body> </html>: check the uid, name and version');
  });

  test('fails with exit 4 when nothing listens, naming PALETTE_HOST', async () => {
    const port = await freePort();
    const client = new PaletteClient(new PaletteClientConfig({ host: `http://127.0.0.1:${port}`, apiKey: TEST_API_KEY }), { retry: FAST_RETRY });
    try {
      const e = await apiError(() => client.listRegistries());
      expect(e.status).toBe(0);
      expect(e.message).toMatch(/^palette GET \/v1\/registries\/metadata\?scope=all could not reach Palette \(ECONNREFUSED\): .*check PALETTE_HOST/);
      expect(exitCodeFor(e)).toBe(ExitCode.TRANSPORT);
      expect(everythingShown(e)).not.toContain(TEST_API_KEY);
    } finally {
      await client.close();
    }
  });

  test('custom: findPackVersion reads values, presets and schema; falls back to GET /v1/packs/{uid} without packValues', async () => {
    h = await startHarness({ omitRegistryPackValues: true });
    const v = await h.client.findPackVersion('kubernetes', '1.32.4', '5eecc89d0b150045ae661cef');
    expect(v).toMatchObject({ name: 'kubernetes', version: '1.32.4', tag: '1.32.4', values: '# kubernetes defaults\npack:\n  podCIDR: 192.168.0.0/16\n', presets: '' });
    expect(v.schema).toContain('pack.podCIDR');
    expect(h.fake.requestsTo('GET', '/v1/packs/pack-kubernetes-1.32.4')).toHaveLength(1);
  });

  test('fails on a 201 without a uid, naming the endpoint', async () => {
    h = await startHarness();
    h.fake.failNext({ path: '/v1/clusterprofiles/import', status: 201, body: '{}' });
    const e = await apiError(() => h?.client.importJson({ metadata: { name: 'x' } }) ?? Promise.resolve());
    expect(e.message).toBe('palette POST /v1/clusterprofiles/import answered 201 UnexpectedResponse: the answer carries no uid: report this with the ref');
  });

  test('fails findPackVersion for a version the registry lacks, listing the versions there', async () => {
    h = await startHarness();
    await expect(h.client.findPackVersion('cni-cilium-oss', '1.18.0', '5eecc89d0b150045ae661cef')).rejects.toThrow(
      'pack cni-cilium-oss 1.18.0 is not in registry 5eecc89d0b150045ae661cef (versions there: 1.17.4, 1.16.6): pick one of those versions',
    );
  });
});

describe('decodeV1Error', () => {
  test('defaults: reads code, message, details and ref', () => {
    expect(decodeV1Error(409, '{"code":"ClusterProfileAlreadyExists","message":"exists","details":{"a":1},"ref":"r"}')).toEqual({
      code: 'ClusterProfileAlreadyExists',
      message: 'exists',
      details: { a: 1 },
      ref: 'r',
    });
  });

  test('custom: a body that is not a V1Error becomes the status text with the body as details (as sdk-go does)', () => {
    expect(decodeV1Error(502, 'bad gateway')).toEqual({ code: 'Bad Gateway', message: '', details: 'bad gateway' });
    const e = new PaletteApiError({ status: 400, code: 'X', message: '', details: { field: 'spec.version' }, endpoint: 'POST /v1/x' });
    expect(e.message).toBe('palette POST /v1/x answered 400 X: {"field":"spec.version"}: fix what Palette\'s message names, then run again');
  });
});

/** A port with nothing listening on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
