import { read as readShapefile } from 'shapefile';
import type { FeatureCollection } from 'geojson';
import { SourceError } from '../core/errors.ts';
import type { SourceFile } from './source-file.ts';
import { decodeText } from './text.ts';

/** An ESRI shapefile set as published: `.shp` with `{stem}.dbf`, `.prj`, optional `.cpg` (`.shx` is not needed). */
export interface ShapefileSet {
  shp: SourceFile;
  dbf: SourceFile;
  prj: SourceFile;
  cpg: SourceFile | null;
}

/** Finds the `.shp` and its companions among a dataset's files; a missing `.dbf` or `.prj` is an error. */
export function shapefileSet(files: SourceFile[]): ShapefileSet {
  const shp = files.find((f) => /\.shp$/i.test(f.name));
  if (!shp)
    throw new SourceError(
      { file: files[0]?.name ?? '?', value: files.map((f) => f.name).join(', ') },
      'no .shp file',
    );
  const stem = shp.name.slice(0, -4);
  const companion = (ext: string) =>
    files.find((f) => f.name.toLowerCase() === `${stem}.${ext}`.toLowerCase()) ?? null;
  const need = (ext: string): SourceFile => {
    const f = companion(ext);
    if (!f) throw new SourceError({ file: `${stem}.${ext}` }, `missing companion of ${shp.name}`);
    return f;
  };
  return { shp, dbf: need('dbf'), prj: need('prj'), cpg: companion('cpg') };
}

const SHAPE_TYPES: Record<number, string> = { 1: 'Point', 3: 'PolyLine', 5: 'Polygon', 8: 'MultiPoint' };

/** Checks the 100-byte main file header: file code 9994, declared length, shape type; returns the bbox. */
export function checkShpHeader(shp: SourceFile, shapeType: number): [number, number, number, number] {
  const b = shp.bytes;
  if (b.length === 0) throw new SourceError({ file: shp.name }, 'empty file');
  if (b.length < 100 || b.readInt32BE(0) !== 9994) {
    throw new SourceError(
      { file: shp.name, value: b.subarray(0, 4).toString('hex') },
      'not an ESRI shapefile',
    );
  }
  const declared = b.readInt32BE(24) * 2;
  if (declared !== b.length) {
    throw new SourceError(
      { file: shp.name, value: b.length },
      `truncated or padded: the header says ${declared} bytes`,
    );
  }
  const type = b.readInt32LE(32);
  if (type !== shapeType) {
    throw new SourceError(
      { file: shp.name, value: SHAPE_TYPES[type] ?? type },
      `expected ${SHAPE_TYPES[shapeType]} shapes`,
    );
  }
  return [b.readDoubleLE(36), b.readDoubleLE(44), b.readDoubleLE(52), b.readDoubleLE(60)];
}

/** Checks the dBASE header against the file's size; returns the number of records. */
export function checkDbfHeader(dbf: SourceFile): number {
  const b = dbf.bytes;
  if (b.length === 0) throw new SourceError({ file: dbf.name }, 'empty file');
  if (b.length < 33) throw new SourceError({ file: dbf.name, value: b.length }, 'not a dBASE file');
  const records = b.readUInt32LE(4);
  const needed = b.readUInt16LE(8) + records * b.readUInt16LE(10);
  if (b.length < needed) {
    throw new SourceError(
      { file: dbf.name, value: b.length },
      `truncated: ${records} records need ${needed} bytes`,
    );
  }
  return records;
}

/** The text encoding a `.cpg` names (UTF-8 when there is none: what the ONS publishes). */
export function dbfEncoding(cpg: SourceFile | null): string {
  if (!cpg) return 'utf-8';
  const label = decodeText(cpg).trim();
  if (/^utf-?8$/i.test(label)) return 'utf-8';
  if (/^(ansi )?1252$|^windows-1252$/i.test(label)) return 'windows-1252';
  if (/^(iso-?)?8859-1$|^latin-?1$/i.test(label)) return 'iso-8859-1';
  throw new SourceError({ file: cpg.name, value: label }, 'unknown code page');
}

/** Requires the `.prj` to describe British National Grid (OSGB 1936, transverse Mercator, metres). */
export function requireBritishNationalGrid(prj: SourceFile): void {
  const wkt = decodeText(prj).trim();
  const name = /^PROJCS\["([^"]+)"/.exec(wkt)?.[1] ?? '';
  if (!/british[_ ]national[_ ]grid/i.test(name) || !/OSGB[_ ]?1936/i.test(wkt)) {
    throw new SourceError({ file: prj.name, value: name || wkt }, 'not British National Grid (EPSG:27700)');
  }
}

function arrayBuffer(f: SourceFile): ArrayBuffer {
  return f.bytes.buffer.slice(f.bytes.byteOffset, f.bytes.byteOffset + f.bytes.byteLength) as ArrayBuffer;
}

/** Reads the shapes and attributes as GeoJSON; rings keep the shapefile's winding (exterior clockwise). */
export async function readShapefileSet(set: ShapefileSet): Promise<FeatureCollection> {
  try {
    return await readShapefile(arrayBuffer(set.shp), arrayBuffer(set.dbf), {
      encoding: dbfEncoding(set.cpg),
    });
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError({ file: set.shp.name }, `unreadable shapefile (${(e as Error).message})`);
  }
}
