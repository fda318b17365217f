/**
 * A minimal WebAssembly binary writer: one module importing its memory (`env.memory`) and
 * exporting functions whose parameters are all i32 (WebAssembly Core Specification 2.0, §5:
 * binary format; SIMD opcodes from the fixed-width SIMD proposal, standard since 2021). Just
 * enough for the numeric kernels here, written as opcode lists so each kernel reads like its
 * text format.
 */

/** Value types. */
export const I32 = 0x7f;
export const F64 = 0x7c;
export const V128 = 0x7b;

/** A function: its i32 parameter count, extra locals by type, body bytes (without the final `end`). */
export interface WasmFunction {
  name: string;
  params: number;
  locals: number[];
  body: number[];
}

/** Unsigned LEB128. */
export function uleb(v: number): number[] {
  const out: number[] = [];
  do {
    let b = v & 0x7f;
    v >>>= 7;
    if (v !== 0) b |= 0x80;
    out.push(b);
  } while (v !== 0);
  return out;
}

/** Signed LEB128 of a 32-bit integer. */
export function sleb(v: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = v & 0x7f;
    v >>= 7;
    if ((v === 0 && (b & 0x40) === 0) || (v === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => vec([...new TextEncoder().encode(s)].map((b) => [b]));

/** The module's bytes: every function of type (i32 × params) → (), all exported by name. */
export function wasmModule(fns: WasmFunction[]): Uint8Array {
  const types = fns.map((f) => [0x60, ...vec(Array.from({ length: f.params }, () => [I32])), 0]);
  const imports = vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)]]);
  const code = fns.map((f) => {
    const locals = vec(f.locals.map((t) => [1, t]));
    const body = [...locals, ...f.body, 0x0b];
    return [...uleb(body.length), ...body];
  });
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec(types)),
    ...section(2, imports),
    ...section(3, vec(fns.map((_, i) => uleb(i)))),
    ...section(7, vec(fns.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(code)),
  ]);
}

/** Instructions, each a list of bytes. Memory accesses take a byte offset added to the address. */
export const op = {
  get: (i: number) => [0x20, ...uleb(i)],
  set: (i: number) => [0x21, ...uleb(i)],
  tee: (i: number) => [0x22, ...uleb(i)],
  i32: (v: number) => [0x41, ...sleb(v)],
  add: [0x6a],
  sub: [0x6b],
  mul: [0x6c],
  ltS: [0x48],
  leS: [0x4c],
  /** block / loop with no result; `end` closes either. */
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...uleb(depth)],
  brIf: (depth: number) => [0x0d, ...uleb(depth)],
  f64Load: (offset = 0) => [0x2b, 3, ...uleb(offset)],
  f64Store: (offset = 0) => [0x39, 3, ...uleb(offset)],
  f64Add: [0xa0],
  f64Sub: [0xa1],
  f64Mul: [0xa2],
  f64Min: [0xa4],
  f64Neg: [0x9a],
  f64Const: (v: number) => [0x44, ...new Uint8Array(Float64Array.of(v).buffer)],
  v128Load: (offset = 0) => [0xfd, ...uleb(0x00), 3, ...uleb(offset)],
  v128Store: (offset = 0) => [0xfd, ...uleb(0x0b), 3, ...uleb(offset)],
  f64x2Splat: [0xfd, ...uleb(0x14)],
  f64x2Add: [0xfd, ...uleb(0xf0)],
  f64x2Sub: [0xfd, ...uleb(0xf1)],
  f64x2Mul: [0xfd, ...uleb(0xf2)],
  f64x2Neg: [0xfd, ...uleb(0xed)],
  /** Pseudo-minimum: b < a ? b : a. */
  f64x2Pmin: [0xfd, ...uleb(0xf6)],
};

/** The sum of some i32 locals: an address from a base and offsets. */
export const sumOf = (...locals: number[]) =>
  locals.flatMap((l, i) => (i === 0 ? op.get(l) : [...op.get(l), ...op.add]));

/** base + (row + t) · stride. */
export const rowAddress = (base: number, row: number, t: number, stride: number) => [
  ...op.get(base),
  ...op.get(row),
  ...op.i32(t),
  ...op.add,
  ...op.get(stride),
  ...op.mul,
  ...op.add,
];

/** local += step. */
export const bump = (local: number, step: number) => [
  ...op.get(local),
  ...op.i32(step),
  ...op.add,
  ...op.set(local),
];

/** ((t₀ + t₁) + t₂) + t₃ …: terms summed left to right by `add`. */
export const chain = (terms: number[][], add: number[]) =>
  terms.flatMap((t, i) => (i === 0 ? t : [...t, ...add]));

/** `body` for counter = its value, + step, … while counter + step ≤ limit. */
export function stepLoop(counter: number, step: number, limit: number, body: number[]): number[] {
  return [
    ...op.block,
    ...op.loop,
    ...op.get(limit),
    ...op.get(counter),
    ...op.i32(step),
    ...op.add,
    ...op.ltS,
    ...op.brIf(1),
    ...body,
    ...bump(counter, step),
    ...op.br(0),
    ...op.end,
    ...op.end,
  ];
}

/**
 * A row's columns two at a time, then the one left over: `vector` at byte offsets jb = 0, 16, …
 * while two columns fit in `bytes`, then `scalar` at jb if one column is left.
 */
export function columnSweep(jb: number, bytes: number, vector: number[], scalar: number[]): number[] {
  return [
    ...op.i32(0),
    ...op.set(jb),
    ...stepLoop(jb, 16, bytes, vector),
    ...op.block,
    ...op.get(bytes),
    ...op.get(jb),
    ...op.leS,
    ...op.brIf(0),
    ...scalar,
    ...op.end,
  ];
}
