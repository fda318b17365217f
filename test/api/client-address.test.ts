// The client address behind proxies: the right-most address not written by a trusted proxy,
// IPv6 keyed by its /64, forwarding headers ignored unless a proxy is declared.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressKey, clientAddressOf, parseTrustProxy } from '../../src/api/client-address.ts';

describe('client address', () => {
  it('ignores X-Forwarded-For when no proxy is trusted', () => {
    const resolve = clientAddressOf(null);
    assert.equal(resolve('192.0.2.10', '203.0.113.5'), '192.0.2.10');
    assert.equal(resolve('::ffff:192.0.2.10', undefined), '192.0.2.10');
  });

  it('takes the client the nearest trusted hops name, whatever the client wrote to their left', () => {
    const one = clientAddressOf(parseTrustProxy('1'));
    assert.equal(one('10.0.0.2', '203.0.113.5'), '203.0.113.5');
    assert.equal(one('10.0.0.2', 'forged, 198.51.100.1, 203.0.113.5'), '203.0.113.5');
    assert.equal(one('10.0.0.2', undefined), '10.0.0.2');
    const two = clientAddressOf(parseTrustProxy('2'));
    assert.equal(two('10.0.0.2', '198.51.100.1, 203.0.113.5, 10.0.0.9'), '203.0.113.5');
    assert.equal(two('10.0.0.2', '203.0.113.5'), '203.0.113.5', 'fewer entries than hops: the left-most');
  });

  it('walks past trusted proxy addresses from the right', () => {
    const resolve = clientAddressOf(parseTrustProxy('10.0.0.0/8, 2001:db8:ffff::/48, 127.0.0.1'));
    assert.equal(resolve('127.0.0.1', '198.51.100.1, 203.0.113.5, 10.1.2.3'), '203.0.113.5');
    assert.equal(resolve('2001:db8:ffff::1', '2001:db8:1:2::99'), '2001:db8:1:2::99');
    assert.equal(resolve('192.0.2.7', '203.0.113.5'), '192.0.2.7', 'the peer is not a trusted proxy');
    assert.equal(resolve('10.0.0.2', 'not-an-address'), '10.0.0.2', 'a malformed entry is not a client');
  });

  it('keys IPv6 by its /64 and IPv4 by the address', () => {
    assert.equal(addressKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:db8:1:2::1'), '2001:db8:1:2::/64');
    assert.equal(addressKey('2001:DB8::1'), '2001:db8:0:0::/64');
    assert.equal(addressKey('::1'), '0:0:0:0::/64');
    assert.equal(addressKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(addressKey('::ffff:198.51.100.4'), '198.51.100.4');
    assert.equal(addressKey('64:ff9b::192.0.2.1'), '64:ff9b:0:0::/64');
    assert.equal(addressKey('192.0.2.1'), '192.0.2.1');
  });

  it('refuses a malformed setting, naming it', () => {
    assert.throws(() => parseTrustProxy('0'), /invalid trusted proxy hop count: 0/);
    assert.throws(() => parseTrustProxy('10.0.0.0/33'), /invalid trusted proxy address: 10.0.0.0\/33/);
    assert.throws(() => parseTrustProxy('proxy.example'), /invalid trusted proxy address: proxy.example/);
  });
});
