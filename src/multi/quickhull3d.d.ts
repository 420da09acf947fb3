// The package's dist/index.js uses extension-less relative imports that Node's ESM loader
// cannot resolve; its self-contained bundle dist/quickhull3d.js (same code) is used instead.
declare module 'quickhull3d/dist/quickhull3d.js' {
  /** Faces of the convex hull as vertex-index triples, counter-clockwise seen from outside. */
  export default function quickhull(points: Array<[number, number, number]>, options?: { skipTriangulation?: boolean }): number[][];
}
