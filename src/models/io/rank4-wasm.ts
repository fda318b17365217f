/**
 * rank4.ts's kernel as a WebAssembly function (simd.ts assembles and runs it): two columns per
 * f64x2 instruction, otherwise the same arithmetic in the same order —
 * x − (((c₀s₀ + c₁s₁) + c₂s₂) + c₃s₃), each product and sum rounded as in JavaScript, no fused
 * multiply–add — so it gives the same bits as the JavaScript kernel on any machine.
 */
import { chain, columnSweep, I32, op, rowAddress, stepLoop, sumOf, V128, type WasmFunction } from './wasm.ts';

// Parameters (bytes, except rows and cols): x at the first column, x's row stride, c at the row's
// first coefficient, c's row stride, s at the first column, s's row stride, rows, columns.
const [XP, LDX, CP, LDC, SP, LDS, ROWS, COLS] = [0, 1, 2, 3, 4, 5, 6, 7];
// i32 locals: row, byte offset in the row, row bytes, x's four row addresses, s's four, an address.
const [R, JB, BYTES, PX, S, ADDR] = [8, 9, 10, 11, 15, 19];
// v128 locals: 16 splatted coefficients (row t, pivot k at COEF + 4t + k), then s's four vectors.
const COEF = 20;
const U = 36;

/** x[row t] at JB −= ((c_t0 s0 + c_t1 s1) + c_t2 s2) + c_t3 s3, on two columns. */
function vectorRow(t: number): number[] {
  const term = (k: number) => [...op.get(COEF + 4 * t + k), ...op.get(U + k), ...op.f64x2Mul];
  return [
    ...sumOf(PX + t, JB),
    ...op.tee(ADDR),
    ...op.get(ADDR),
    ...op.v128Load(),
    ...chain([0, 1, 2, 3].map(term), op.f64x2Add),
    ...op.f64x2Sub,
    ...op.v128Store(),
  ];
}

/** The same on the one column left over, with scalar loads. */
function scalarRow(t: number): number[] {
  const term = (k: number) => [
    ...rowAddress(CP, R, t, LDC),
    ...op.f64Load(8 * k),
    ...sumOf(S + k, JB),
    ...op.f64Load(),
    ...op.f64Mul,
  ];
  return [
    ...sumOf(PX + t, JB),
    ...op.tee(ADDR),
    ...op.get(ADDR),
    ...op.f64Load(),
    ...chain([0, 1, 2, 3].map(term), op.f64Add),
    ...op.f64Sub,
    ...op.f64Store(),
  ];
}

/** Rows R … R + size − 1: splat their coefficients, then sweep the columns. */
function tile(size: number): number[] {
  const rows = Array.from({ length: size }, (_, t) => t);
  const setup = rows.flatMap((t) => [
    ...rowAddress(XP, R, t, LDX),
    ...op.set(PX + t),
    ...[0, 1, 2, 3].flatMap((k) => [
      ...rowAddress(CP, R, t, LDC),
      ...op.f64Load(8 * k),
      ...op.f64x2Splat,
      ...op.set(COEF + 4 * t + k),
    ]),
  ]);
  const loadU = [0, 1, 2, 3].flatMap((k) => [...sumOf(S + k, JB), ...op.v128Load(), ...op.set(U + k)]);
  return [
    ...setup,
    ...columnSweep(JB, BYTES, [...loadU, ...rows.flatMap(vectorRow)], rows.flatMap(scalarRow)),
  ];
}

export const RANK4: WasmFunction = {
  name: 'rank4',
  params: 8,
  locals: [...Array.from({ length: 12 }, () => I32), ...Array.from({ length: 20 }, () => V128)],
  body: [
    ...op.get(COLS),
    ...op.i32(8),
    ...op.mul,
    ...op.set(BYTES),
    // s's rows: S + k = SP + k·LDS
    ...[0, 1, 2, 3].flatMap((k) => [
      ...op.get(SP),
      ...op.get(LDS),
      ...op.i32(k),
      ...op.mul,
      ...op.add,
      ...op.set(S + k),
    ]),
    ...op.i32(0),
    ...op.set(R),
    ...stepLoop(R, 4, ROWS, tile(4)),
    ...stepLoop(R, 1, ROWS, tile(1)),
  ],
};
