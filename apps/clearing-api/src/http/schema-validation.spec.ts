import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BadRequestException } from '@nestjs/common';
import { PAGE_PROPERTIES } from './pagination';
import { ObjectSchema, SchemaPipe } from './schema-validation';

const PAGE: ObjectSchema = {
  type: 'object',
  additionalProperties: false,
  properties: { ...PAGE_PROPERTIES, open: { type: 'boolean' } },
};
const pipe = new SchemaPipe(PAGE, 'query');

function reasonsOf(query: object): string[] {
  try {
    pipe.transform(query);
  } catch (error) {
    assert.ok(error instanceof BadRequestException);
    return (error.getResponse() as { reasons: string[] }).reasons;
  }
  return [];
}

describe('query parameters', () => {
  it('given plain digits and true/false, when read, then they are numbers and booleans, defaults filled', () => {
    assert.deepEqual(pipe.transform({ limit: '20', open: 'true' }), { limit: 20, offset: 0, open: true });
  });

  it('given numbers spelled as 1e400, Infinity, 1.5 or -1, when read, then each is refused with its reason', () => {
    for (const limit of ['1e400', 'Infinity', '1.5', '-1', '0x10', ' 1', '9'.repeat(60)]) {
      assert.notDeepEqual(reasonsOf({ limit }), [], limit);
    }
  });

  it('given several broken parameters, when read, then every reason is listed', () => {
    const reasons = reasonsOf({ limit: 'x', offset: '-1', open: 'yes', extra: '1' });
    assert.equal(reasons.length, 4, reasons.join('; '));
  });
});
