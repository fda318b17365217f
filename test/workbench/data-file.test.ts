import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { DataFileError, parseText, validateFile } from '../../src/workbench/data-file.ts';

const schema = z.strictObject({
  id: z.string(),
  items: z.array(z.strictObject({ value: z.number().max(100), unit: z.string() })),
});

function failure(text: string, name: string): DataFileError {
  try {
    validateFile(parseText(text, name), schema);
  } catch (e) {
    assert.ok(e instanceof DataFileError);
    return e;
  }
  throw new Error('expected a DataFileError');
}

describe('data files', () => {
  it('names the file, line, column and path of a bad YAML value', () => {
    const e = failure('id: x\nitems:\n  - value: 130\n    unit: "%"\n', 'm.yaml');
    assert.deepEqual(e.issues, [
      { path: 'items.0.value', line: 3, column: 12, message: 'Too big: expected number to be <=100' },
    ]);
    assert.equal(
      e.message,
      'invalid m.yaml: m.yaml:3:12: items.0.value: Too big: expected number to be <=100',
    );
  });

  it('reports a missing field where its parent is, in JSON too', () => {
    const e = failure('{\n  "id": "x",\n  "items": [\n    { "value": 1 }\n  ]\n}\n', 'm.json');
    assert.equal(e.issues[0]!.path, 'items.0.unit');
    assert.equal(e.issues[0]!.line, 4);
  });

  it('turns a syntax error into a located usage error', () => {
    const e = failure('id: [unclosed\n', 'bad.yaml');
    assert.equal(e.issues[0]!.path, '(root)');
    assert.equal(e.status, 400);
  });
});
