/**
 * rank4.ts's kernel as a WebAssembly function (simd.ts assembles and runs it): two columns per
 * f64x2 instruction, otherwise the same arithmetic in the same order —
 * x − (((c₀s₀ + c₁s₁) + c₂s₂) + c₃s₃), each product and sum rounded as in JavaScript, no fused
 * multiply–add — so it gives the same bits as the JavaScript kernel on any machine.
 */
import { I32, op, V128, type WasmFunction } from './wasm.ts';

// Parameters (bytes, except rows and cols): x at the first column, x's row stride, c at the row's
// first coefficient, c's row stride, s at the first column, s's row stride, rows, columns.
const [XP, LDX, CP, LDC, SP, LDS, ROWS, COLS] = [0, 1, 2, 3, 4, 5, 6, 7];
// i32 locals: row, byte offset in the row, vector end, row bytes, x row addresses, s row addresses, address.
const [R, JB, VEND, CBYTES, PX, S1, S2, S3, ADDR] = [8, 9, 10, 11, 12, 16, 17, 18, 19];
// v128 locals: 16 splatted coefficients (row t, pivot k at COEF + 4t + k), then s's four vectors.
const COEF = 20;
const U = 36;

/** x[row t] −= ((c_t0 s0 + c_t1 s1) + c_t2 s2) + c_t3 s3 on two columns at byte offset JB. */
function vectorRow(t: number): number[] {
  const term = (k: number) => [...op.get(COEF + 4 * t + k), ...op.get(U + k), ...op.f64x2Mul];
  return [
    ...op.get(PX + t),
    ...op.get(JB),
    ...op.add,
    ...op.tee(ADDR),
    ...op.get(ADDR),
    ...op.v128Load(),
    ...term(0),
    ...term(1),
    ...op.f64x2Add,
    ...term(2),
    ...op.f64x2Add,
    ...term(3),
    ...op.f64x2Add,
    ...op.f64x2Sub,
    ...op.v128Store(),
  ];
}

/** The same on the one column left over at JB when the count is odd, with scalar loads. */
function scalarRow(t: number): number[] {
  const coef = (k: number) => [
    ...op.get(CP),
    ...op.get(R),
    ...op.i32(t),
    ...op.add,
    ...op.get(LDC),
    ...op.mul,
    ...op.add,
    ...op.f64Load(8 * k),
  ];
  const sRow = [SP, S1, S2, S3];
  const term = (k: number) => [
    ...coef(k),
    ...op.get(sRow[k]!),
    ...op.get(JB),
    ...op.add,
    ...op.f64Load(),
    ...op.f64Mul,
  ];
  return [
    ...op.get(PX + t),
    ...op.get(JB),
    ...op.add,
    ...op.tee(ADDR),
    ...op.get(ADDR),
    ...op.f64Load(),
    ...term(0),
    ...term(1),
    ...op.f64Add,
    ...term(2),
    ...op.f64Add,
    ...term(3),
    ...op.f64Add,
    ...op.f64Sub,
    ...op.f64Store(),
  ];
}

/** Rows r … r + tile − 1: splat their coefficients, then sweep the columns two at a time, then the odd one. */
function tile(tileRows: number): number[] {
  const out: number[] = [];
  for (let t = 0; t < tileRows; t++) {
    // PX + t = XP + (R + t)·LDX
    out.push(
      ...op.get(XP),
      ...op.get(R),
      ...op.i32(t),
      ...op.add,
      ...op.get(LDX),
      ...op.mul,
      ...op.add,
      ...op.set(PX + t),
    );
    for (let k = 0; k < 4; k++)
      out.push(
        ...op.get(CP),
        ...op.get(R),
        ...op.i32(t),
        ...op.add,
        ...op.get(LDC),
        ...op.mul,
        ...op.add,
        ...op.f64Load(8 * k),
        ...op.f64x2Splat,
        ...op.set(COEF + 4 * t + k),
      );
  }
  const loadU = [SP, S1, S2, S3].flatMap((p, k) => [
    ...op.get(p),
    ...op.get(JB),
    ...op.add,
    ...op.v128Load(),
    ...op.set(U + k),
  ]);
  const rows = Array.from({ length: tileRows }, (_, t) => t);
  out.push(
    ...op.i32(0),
    ...op.set(JB),
    ...op.block,
    ...op.loop,
    ...op.get(VEND),
    ...op.get(JB),
    ...op.ltS,
    ...op.brIf(1),
    ...loadU,
    ...rows.flatMap(vectorRow),
    ...op.get(JB),
    ...op.i32(16),
    ...op.add,
    ...op.set(JB),
    ...op.br(0),
    ...op.end,
    ...op.end,
    ...op.block,
    ...op.get(CBYTES),
    ...op.get(JB),
    ...op.leS,
    ...op.brIf(0),
    ...rows.flatMap(scalarRow),
    ...op.end,
  );
  return out;
}

/** Loop over rows, `step` at a time, while R + step ≤ rows. */
function rowLoop(step: number): number[] {
  return [
    ...op.block,
    ...op.loop,
    ...op.get(ROWS),
    ...op.get(R),
    ...op.i32(step),
    ...op.add,
    ...op.ltS,
    ...op.brIf(1),
    ...tile(step),
    ...op.get(R),
    ...op.i32(step),
    ...op.add,
    ...op.set(R),
    ...op.br(0),
    ...op.end,
    ...op.end,
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
    ...op.set(CBYTES),
    // vector end: the last byte offset at which two columns still fit
    ...op.get(CBYTES),
    ...op.i32(16),
    ...op.sub,
    ...op.set(VEND),
    ...op.get(SP),
    ...op.get(LDS),
    ...op.add,
    ...op.set(S1),
    ...op.get(S1),
    ...op.get(LDS),
    ...op.add,
    ...op.set(S2),
    ...op.get(S2),
    ...op.get(LDS),
    ...op.add,
    ...op.set(S3),
    ...op.i32(0),
    ...op.set(R),
    ...rowLoop(4),
    ...rowLoop(1),
  ],
};
