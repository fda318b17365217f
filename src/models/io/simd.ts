/**
 * The WebAssembly SIMD kernels (rank4-wasm.ts, flq-wasm.ts), each giving the same bits as its
 * JavaScript original, over one memory: an `Arena` hands out Float64Array views of it, and the
 * kernels work on arrays in it (rank4 falls back to JavaScript for arrays from elsewhere).
 */
import { flqRows, type FlqRows } from './flq.ts';
import { FLQ_ROWS } from './flq-wasm.ts';
import { rank4Update, type Rank4 } from './rank4.ts';
import { RANK4 } from './rank4-wasm.ts';
import { wasmModule } from './wasm.ts';

/** Typed-array views of one WebAssembly memory, and the SIMD kernel over them. */
export interface Arena {
  /** A view of the next `length` float64 values (16-byte aligned); throws when the arena is full. */
  take(length: number): Float64Array;
  /** Hands views out from the start again (earlier views then share memory with new ones). */
  reset(): void;
  rank4: Rank4;
  flqRows: FlqRows;
}

/** The parts of the WebAssembly JavaScript API used here (the ES library typings lack them). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
let compiled: object | undefined;

let scratch: { bytes: number; arena: Arena } | undefined;

/**
 * This thread's scratch arena, at least `bytes` big, its views handed out from the start again.
 * One WebAssembly memory per thread, reused (each reserves a large address range, so making one
 * per model would run out): its users write what they read within one synchronous call, so
 * views taken earlier stay usable for scratch work.
 */
export function scratchArena(bytes: number): Arena {
  if (!scratch || scratch.bytes < bytes) {
    const size = Math.max(bytes, 2 * (scratch?.bytes ?? 0));
    scratch = { bytes: size, arena: createArena(size) };
  }
  scratch.arena.reset();
  return scratch.arena;
}

/** An arena of `bytes` (rounded up to whole 64 KiB pages), with the kernels bound to it. */
export function createArena(bytes: number): Arena {
  compiled ??= new wasm.Module(wasmModule([RANK4, FLQ_ROWS]));
  const memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(bytes / 65536)) });
  const exports = new wasm.Instance(compiled, { env: { memory } }).exports as Record<
    string,
    (...args: number[]) => void
  >;
  const kernel = exports.rank4!;
  const flq = exports.flqRows!;
  const buffer = memory.buffer;
  const inside = (...arrays: Float64Array[]) => arrays.every((v) => v.buffer === buffer);
  let next = 0;
  return {
    take(length) {
      const view = new Float64Array(buffer, next, length);
      next += Math.ceil((8 * length) / 16) * 16;
      return view;
    },
    reset() {
      next = 0;
    },
    rank4(x, xo, ldx, c, co, ldc, s, so, lds, rows, from, to) {
      if (rows <= 0 || to <= from) return;
      if (!inside(x, c, s)) {
        rank4Update(x, xo, ldx, c, co, ldc, s, so, lds, rows, from, to);
        return;
      }
      kernel(
        x.byteOffset + 8 * (xo + from),
        8 * ldx,
        c.byteOffset + 8 * co,
        8 * ldc,
        s.byteOffset + 8 * (so + from),
        8 * lds,
        rows,
        to - from,
      );
    },
    flqRows(m, a, colScale, rowFactor, n) {
      if (!inside(m, a, colScale, rowFactor)) return flqRows(m, a, colScale, rowFactor, n);
      flq(m.byteOffset, a.byteOffset, colScale.byteOffset, rowFactor.byteOffset, n, n);
    },
  };
}
