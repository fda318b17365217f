/**
 * flq.ts's `flqRows` as a WebAssembly function (simd.ts assembles and runs it): two cells per
 * f64x2 instruction, −(a·min(rowFactor·colScale, 1)) with the same roundings, so the same bits.
 * On the non-negative numbers met here pmin(x, 1) and Math.min(x, 1) are the same number.
 */
import { columnSweep, F64, I32, op, stepLoop, sumOf, V128, type WasmFunction } from './wasm.ts';

// Parameters (byte addresses): m, a (rows × cols, row-major), colScale (cols), rowFactor (rows); rows; cols.
const [MP, AP, SP, RP, ROWS, COLS] = [0, 1, 2, 3, 4, 5];
// Locals: row, byte offset in the row, row bytes, row start; the row factor; it and 1 splatted.
const [I, JB, BYTES, ROFF, RF, RF2, ONE] = [6, 7, 8, 9, 10, 11, 12];

/** m at ROFF + JB = −(a · min(factor · colScale at JB, 1)), with the vector or the scalar ops. */
function cells(vector: boolean): number[] {
  const load = vector ? op.v128Load() : op.f64Load();
  const mul = vector ? op.f64x2Mul : op.f64Mul;
  return [
    ...sumOf(MP, ROFF, JB),
    ...sumOf(AP, ROFF, JB),
    ...load,
    ...op.get(vector ? RF2 : RF),
    ...sumOf(SP, JB),
    ...load,
    ...mul,
    ...(vector ? [...op.get(ONE), ...op.f64x2Pmin] : [...op.f64Const(1), ...op.f64Min]),
    ...mul,
    ...(vector ? op.f64x2Neg : op.f64Neg),
    ...(vector ? op.v128Store() : op.f64Store()),
  ];
}

/** Row I: its factor, where it starts, then its cells. */
const row = [
  ...op.get(RP),
  ...op.get(I),
  ...op.i32(8),
  ...op.mul,
  ...op.add,
  ...op.f64Load(),
  ...op.tee(RF),
  ...op.f64x2Splat,
  ...op.set(RF2),
  ...op.get(I),
  ...op.get(BYTES),
  ...op.mul,
  ...op.set(ROFF),
  ...columnSweep(JB, BYTES, cells(true), cells(false)),
];

export const FLQ_ROWS: WasmFunction = {
  name: 'flqRows',
  params: 6,
  locals: [I32, I32, I32, I32, F64, V128, V128],
  body: [
    ...op.get(COLS),
    ...op.i32(8),
    ...op.mul,
    ...op.set(BYTES),
    ...op.f64Const(1),
    ...op.f64x2Splat,
    ...op.set(ONE),
    ...stepLoop(I, 1, ROWS, row),
  ],
};
