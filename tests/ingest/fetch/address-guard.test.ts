/** Which addresses are internal, and what the guard lets through. */
import { describe, expect, it } from 'vitest';
import { connectGuard, isInternalAddress } from '../../../src/ingest/fetch/address-guard.ts';
import { NewsgateError } from '../../../src/model/errors.ts';

describe('isInternalAddress', () => {
  it.each([
    ['127.0.0.1', true], ['127.0.0.2', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.31.255.255', true], ['192.168.1.1', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['100.127.255.255', true], ['0.0.0.0', true], ['224.0.0.1', true], ['255.255.255.255', true],
    ['::1', true], ['::', true], ['fc00::1', true], ['fd12:3456::1', true], ['fe80::1', true], ['ff02::1', true],
    ['::ffff:127.0.0.1', true], ['::ffff:7f00:1', true], ['[::ffff:a00:1]', true], ['64:ff9b::10.0.0.1', true], ['::127.0.0.1', true],
    ['8.8.8.8', false], ['172.32.0.1', false], ['100.128.0.1', false], ['93.184.216.34', false], ['2606:4700::1111', false], ['::ffff:8.8.8.8', false],
    ['not-an-ip', true],
  ])('%s → %s', (ip, internal) => {
    expect(isInternalAddress(ip)).toBe(internal);
  });
});

describe('connectGuard', () => {
  const policy = { allowPrivateAddresses: false, trustedOrigins: ['http://127.0.0.1:8080'] };

  it('trusts the configured origin and an operator who allows private addresses', () => {
    expect(connectGuard(new URL('http://127.0.0.1:8080/feed'), policy)).toEqual({});
    expect(connectGuard(new URL('http://127.0.0.1:9999/'), { ...policy, allowPrivateAddresses: true })).toEqual({});
  });

  it('refuses an internal IP literal on another origin at once', () => {
    for (const url of ['http://127.0.0.1:9999/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://169.254.169.254/latest/meta-data/']) {
      let error: unknown;
      try {
        connectGuard(new URL(url), policy);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(NewsgateError);
      expect((error as NewsgateError).code).toBe('FETCH_FORBIDDEN_ADDRESS');
    }
  });

  it('checks names on the addresses they resolve to, when the socket connects', async () => {
    const resolver = async (name: string) => (name === 'rebind.example' ? [{ address: '93.184.216.34', family: 4 }, { address: '127.0.0.2', family: 4 }] : [{ address: '93.184.216.34', family: 4 }]);
    const lookup = (name: string) =>
      new Promise((resolve) => connectGuard(new URL(`http://${name}/`), policy, resolver).lookup!(name, { all: true }, (err: unknown, addresses: unknown) => resolve(err ?? addresses)));
    expect(await lookup('public.example')).toEqual([{ address: '93.184.216.34', family: 4 }]);
    expect(await lookup('rebind.example')).toMatchObject({ code: 'FETCH_FORBIDDEN_ADDRESS', details: { address: '127.0.0.2' } });
  });
});
