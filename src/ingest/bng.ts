import proj4 from 'proj4';

/**
 * EPSG:27700, OSGB 1936 / British National Grid, with the published 7-parameter Helmert
 * shift from WGS84 (good to a few metres, ample for centroids and distances between areas).
 */
export const EPSG_27700 =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const converter = proj4('EPSG:4326', EPSG_27700);

/** WGS84 longitude/latitude (degrees) to British National Grid easting/northing (metres). */
export function lonLatToBng(lon: number, lat: number): [number, number] {
  const [x, y] = converter.forward([lon, lat]);
  return [x!, y!];
}

/** British National Grid easting/northing (metres) to WGS84 longitude/latitude (degrees). */
export function bngToLonLat(x: number, y: number): [number, number] {
  const [lon, lat] = converter.inverse([x, y]);
  return [lon!, lat!];
}
