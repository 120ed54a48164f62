import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { progressReporter } from './progress';

function recorder(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (text: string) => written.push(text) > 0 } };
}

describe('progress: a bar on a terminal, plain lines elsewhere', () => {
  it('on a pipe, writes one line per 10% step however many updates arrive', () => {
    const { written, stream } = recorder(false);
    const progress = progressReporter('replay', stream);
    for (let done = 0; done <= 1000; done++) progress.update(done, 1000);
    progress.finish();
    assert.equal(written.length, 11);
    assert.equal(written[0], 'replay: 0% (0/1000)\n');
    assert.equal(written.at(-1), 'replay: 100% (1000/1000)\n');
  });

  it('on a terminal, redraws one line in place, always draws completion and ends it with a newline', () => {
    const { written, stream } = recorder(true);
    const progress = progressReporter('replay', stream);
    for (let done = 0; done <= 1000; done++) progress.update(done, 1000);
    progress.finish();
    assert.ok(written.length < 10, `redraws are throttled, got ${written.length}`);
    assert.ok(written.slice(0, -1).every((w) => w.startsWith('\rreplay [')));
    assert.match(written.at(-2)!, /\[#{30}\] 100% 1000\/1000$/);
    assert.equal(written.at(-1), '\n');
  });
});
