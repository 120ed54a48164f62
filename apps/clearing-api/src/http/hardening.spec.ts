import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { unsupportedContentType } from './hardening';

const request = (method: string, headers: Record<string, string>) => ({
  method,
  originalUrl: '/v1/x',
  headers,
});

describe('JSON-only bodies', () => {
  it('given a body that says JSON (any case, with a charset), then it passes', () => {
    for (const type of ['application/json', 'Application/JSON; charset=utf-8']) {
      assert.equal(
        unsupportedContentType(request('POST', { 'content-type': type, 'content-length': '2' })),
        undefined,
      );
    }
  });

  it('given a body of another or no type, then it is refused naming the type', () => {
    for (const type of ['text/plain', 'application/jsonx', 'application/x-www-form-urlencoded', '']) {
      assert.match(
        unsupportedContentType(request('PUT', { 'content-type': type, 'content-length': '2' })) ?? '',
        /must be application\/json/,
      );
    }
    assert.ok(unsupportedContentType(request('POST', { 'transfer-encoding': 'chunked' })));
  });

  it('given no body or a GET, then the type does not matter', () => {
    assert.equal(unsupportedContentType(request('POST', { 'content-length': '0' })), undefined);
    assert.equal(
      unsupportedContentType(request('GET', { 'content-type': 'text/plain', 'content-length': '5' })),
      undefined,
    );
  });
});
