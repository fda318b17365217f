/** A polygon record: attribute values by field, and rings of [x, y] (exterior clockwise, holes anticlockwise). */
export interface ShapeRecord {
  attributes: Record<string, string>;
  rings: [number, number][][];
}

/** The `.prj` ONS publishes with its British National Grid boundaries. */
export const BNG_PRJ =
  'PROJCS["British_National_Grid",GEOGCS["GCS_OSGB_1936",DATUM["D_OSGB_1936",SPHEROID["Airy_1830",6377563.396,299.3249646]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",400000.0],' +
  'PARAMETER["False_Northing",-100000.0],PARAMETER["Central_Meridian",-2.0],PARAMETER["Scale_Factor",0.9996012717],' +
  'PARAMETER["Latitude_Of_Origin",49.0],UNIT["Meter",1.0]]';

function bbox(points: [number, number][]): [number, number, number, number] {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** An ESRI `.shp` of polygons, byte by byte: 100-byte header, then one record per shape. */
export function shpBytes(records: ShapeRecord[], shapeType = 5): Uint8Array {
  const bodies = records.map((r) => {
    const points = r.rings.flat();
    const b = Buffer.alloc(44 + 4 * r.rings.length + 16 * points.length);
    b.writeInt32LE(shapeType, 0);
    bbox(points).forEach((v, i) => b.writeDoubleLE(v, 4 + 8 * i));
    b.writeInt32LE(r.rings.length, 36);
    b.writeInt32LE(points.length, 40);
    let start = 0;
    r.rings.forEach((ring, i) => {
      b.writeInt32LE(start, 44 + 4 * i);
      start += ring.length;
    });
    const at = 44 + 4 * r.rings.length;
    points.forEach(([x, y], i) => {
      b.writeDoubleLE(x, at + 16 * i);
      b.writeDoubleLE(y, at + 16 * i + 8);
    });
    return b;
  });
  const length = 100 + bodies.reduce((s, b) => s + 8 + b.length, 0);
  const header = Buffer.alloc(100);
  header.writeInt32BE(9994, 0);
  header.writeInt32BE(length / 2, 24);
  header.writeInt32LE(1000, 28);
  header.writeInt32LE(shapeType, 32);
  bbox(records.flatMap((r) => r.rings.flat())).forEach((v, i) => header.writeDoubleLE(v, 36 + 8 * i));
  const parts = [header];
  bodies.forEach((b, i) => {
    const h = Buffer.alloc(8);
    h.writeInt32BE(i + 1, 0);
    h.writeInt32BE(b.length / 2, 4);
    parts.push(h, b);
  });
  return new Uint8Array(Buffer.concat(parts));
}

/** A dBASE III `.dbf` with character fields sized to their longest value (UTF-8 bytes). */
export function dbfBytes(records: ShapeRecord[]): Uint8Array {
  const fields = Object.keys(records[0]!.attributes);
  const widths = fields.map((f) => Math.max(1, ...records.map((r) => Buffer.byteLength(r.attributes[f]!))));
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const header = Buffer.alloc(headerLength);
  header.writeUInt8(0x03, 0);
  header.set([121, 1, 1], 1);
  header.writeUInt32LE(records.length, 4);
  header.writeUInt16LE(headerLength, 8);
  header.writeUInt16LE(recordLength, 10);
  fields.forEach((f, i) => {
    header.write(f, 32 + 32 * i, 'latin1');
    header.write('C', 32 + 32 * i + 11, 'latin1');
    header.writeUInt8(widths[i]!, 32 + 32 * i + 16);
  });
  header.writeUInt8(0x0d, headerLength - 1);
  const rows = records.map((r) => {
    const row = Buffer.alloc(recordLength, 0x20);
    let at = 1;
    fields.forEach((f, i) => {
      row.write(r.attributes[f]!, at, 'utf8');
      at += widths[i]!;
    });
    return row;
  });
  return new Uint8Array(Buffer.concat([header, ...rows, Buffer.from([0x1a])]));
}

/** A shapefile set named `{stem}.shp/.dbf/.prj/.cpg`, as the ONS publishes it. */
export function shapefileFiles(
  stem: string,
  records: ShapeRecord[],
  prj = BNG_PRJ,
): Record<string, Uint8Array | string> {
  return {
    [`${stem}.shp`]: shpBytes(records),
    [`${stem}.dbf`]: dbfBytes(records),
    [`${stem}.prj`]: prj,
    [`${stem}.cpg`]: 'UTF-8',
  };
}
