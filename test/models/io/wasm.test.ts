import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { F64, I32, op, sleb, uleb, wasmModule } from '../../../src/models/io/wasm.ts';

describe('WebAssembly writer', () => {
  it('encodes LEB128 as the specification’s examples', () => {
    assert.deepEqual(uleb(0), [0]);
    assert.deepEqual(uleb(624485), [0xe5, 0x8e, 0x26]);
    assert.deepEqual(sleb(-123456), [0xc0, 0xbb, 0x78]);
    assert.deepEqual(sleb(63), [0x3f]);
    assert.deepEqual(sleb(64), [0xc0, 0x00]);
    assert.deepEqual(sleb(-64), [0x40]);
  });
  it('writes a module the engine accepts and runs: x[i] += x[0] over f64 memory', () => {
    // params: address, count; locals: i (i32) and a spare f64
    const [P, N, I] = [0, 1, 2];
    const body = [
      ...op.block,
      ...op.loop,
      ...op.get(N),
      ...op.get(I),
      ...op.leS,
      ...op.brIf(1),
      ...op.get(P),
      ...op.get(I),
      ...op.i32(8),
      ...op.mul,
      ...op.add,
      ...op.get(P),
      ...op.get(I),
      ...op.i32(8),
      ...op.mul,
      ...op.add,
      ...op.f64Load(),
      ...op.get(P),
      ...op.f64Load(),
      ...op.f64Add,
      ...op.f64Store(),
      ...op.get(I),
      ...op.i32(1),
      ...op.add,
      ...op.set(I),
      ...op.br(0),
      ...op.end,
      ...op.end,
    ];
    const bytes = wasmModule([{ name: 'twice', params: 2, locals: [I32, F64], body }]);
    const wasm = (
      globalThis as unknown as {
        WebAssembly: {
          Memory: new (d: object) => { buffer: ArrayBuffer };
          Instance: new (m: object, i: object) => { exports: Record<string, (...a: number[]) => void> };
          Module: new (b: Uint8Array) => object;
        };
      }
    ).WebAssembly;
    const memory = new wasm.Memory({ initial: 1 });
    const run = new wasm.Instance(new wasm.Module(bytes), { env: { memory } }).exports.twice!;
    const v = new Float64Array(memory.buffer, 0, 4);
    v.set([1, 2, 3, 4]);
    // x[i] += x[0] as the loop reaches it: x0 doubles first, then the others add the new x0
    run(0, 4);
    assert.deepEqual([...v], [2, 4, 5, 6]);
  });
});
