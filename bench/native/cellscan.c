/* Native reference of the Delta(k) cell scan, assembly/cellScan.ts line by line: the `keep`
 * lowest coarse cells of Delta = b + table.d over the wedge sample, with whole blocks skipped by
 * an interval lower bound. It runs on a dump of the WASM memory: the scan context (f64 words of
 * byte offsets) and every array in it are the kernel's own, and it writes the same outputs. */
#include <math.h>
#include "native.h"

enum { S_N, S_TABLE, S_PERM, S_BLOCK_START, S_LO, S_HI, S_CELL_LO, S_CELL_HI, S_CELLS,
       S_CELL_BLOCK_START, S_NCELLS, S_TABLE_MAX, S_D, S_LB, S_HEAP, S_TOP, S_FOUND, S_MIN,
       S_ARG, S_ORDER, S_COLUMN };

#define F64(mem, at) (*(double *)((mem) + (at)))

static inline double bound(uint8_t *mem, double base, const double *d, int n, const int32_t *col, int s) {
  double v = base;
  size_t row = (size_t)(s * n) << 3;
  for (int i = 0; i < n; i++) v += d[i] * F64(mem, (size_t)(uint32_t)col[i] + row);
  return v;
}

static inline double bound8(uint8_t *mem, double base, size_t row, const double *dv, const size_t *c) {
  return base + dv[0] * F64(mem, c[0] + row) + dv[1] * F64(mem, c[1] + row) + dv[2] * F64(mem, c[2] + row) +
         dv[3] * F64(mem, c[3] + row) + dv[4] * F64(mem, c[4] + row) + dv[5] * F64(mem, c[5] + row) +
         dv[6] * F64(mem, c[6] + row) + dv[7] * F64(mem, c[7] + row);
}

static inline int before(const double *lb, int u, int v) {
  double a = lb[u], b = lb[v];
  return a < b || (a == b && u < v);
}

static void sift_down(int32_t *heap, const double *lb, int size, int at) {
  int item = heap[at];
  for (;;) {
    int child = 2 * at + 1;
    if (child >= size) break;
    if (child + 1 < size && before(lb, heap[child + 1], heap[child])) child++;
    int c = heap[child];
    if (!before(lb, c, item)) break;
    heap[at] = c;
    at = child;
  }
  heap[at] = item;
}

int cell_scan(uint8_t *mem, size_t ctxAt, double b, int keep, double floorValue) {
  const double *ctx = (const double *)(mem + ctxAt);
#define PTR(type, w) ((type *)(mem + (size_t)ctx[w]))
  int n = (int)ctx[S_N];
  size_t tableAt = (size_t)ctx[S_TABLE];
  const int32_t *perm = PTR(const int32_t, S_PERM);
  const int32_t *blockStart = PTR(const int32_t, S_BLOCK_START);
  size_t loAt = (size_t)ctx[S_LO], hiAt = (size_t)ctx[S_HI];
  size_t cellLoAt = (size_t)ctx[S_CELL_LO], cellHiAt = (size_t)ctx[S_CELL_HI];
  const int32_t *cells = PTR(const int32_t, S_CELLS);
  const int32_t *cellBlockStart = PTR(const int32_t, S_CELL_BLOCK_START);
  int nc = (int)ctx[S_NCELLS];
  const double *d = PTR(const double, S_D);
  double *lb = PTR(double, S_LB);
  int32_t *heap = PTR(int32_t, S_HEAP);
  double *top = PTR(double, S_TOP);
  int32_t *found = PTR(int32_t, S_FOUND);
  double *cellMin = PTR(double, S_MIN);
  double *cellArg = PTR(double, S_ARG);
  double *order = PTR(double, S_ORDER);
  int32_t *col = PTR(int32_t, S_COLUMN);
  int32_t *colCell = col + n;
  for (int i = 0; i < n; i++) {
    int up = d[i] >= 0.0;
    col[i] = (int32_t)((up ? loAt : hiAt) + ((size_t)i << 3));
    colCell[i] = (int32_t)((up ? cellLoAt : cellHiAt) + ((size_t)i << 3));
  }
  double scale = fabs(b);
  double tableMax = ctx[S_TABLE_MAX];
  for (int i = 0; i < n; i++) scale += fabs(d[i]) * tableMax;
  double base = b - 1e-12 * scale;
  for (int c = 0; c < nc; c++) {
    lb[c] = bound(mem, base, d, n, colCell, c);
    heap[c] = c;
  }
  for (int at = (nc >> 1) - 1; at >= 0; at--) sift_down(heap, lb, nc, at);
  int k = keep > 1 ? keep : 1;
  int nTop = 0, nFound = 0, size = nc;
  double theta = INFINITY;
  double d0 = n == 8 ? d[0] : 0, d1 = n == 8 ? d[1] : 0, d2 = n == 8 ? d[2] : 0, d3 = n == 8 ? d[3] : 0;
  double d4 = n == 8 ? d[4] : 0, d5 = n == 8 ? d[5] : 0, d6 = n == 8 ? d[6] : 0, d7 = n == 8 ? d[7] : 0;
  double dv[8] = {d0, d1, d2, d3, d4, d5, d6, d7};
  size_t cv[8] = {0};
  if (n == 8) for (int i = 0; i < 8; i++) cv[i] = (size_t)(uint32_t)col[i];
  while (size > 0) {
    int c = heap[0];
    if (lb[c] > theta) break;
    size--;
    if (size > 0) {
      heap[0] = heap[size];
      sift_down(heap, lb, size, 0);
    }
    double m = INFINITY;
    int arg = -1;
    int s1 = cellBlockStart[c + 1];
    for (int s = cellBlockStart[c]; s < s1; s++) {
      double blb = n == 8 ? bound8(mem, base, (size_t)s << 6, dv, cv) : bound(mem, base, d, n, col, s);
      if (blb > theta || blb > m) continue;
      int q1 = blockStart[s + 1];
      int q = blockStart[s];
      if (n == 8) {
        const double *row = (const double *)(mem + tableAt) + (size_t)q * 8;
        for (; q < q1; q++, row += 8) {
          double v = b + row[0] * d0 + row[1] * d1 + row[2] * d2 + row[3] * d3 +
                     row[4] * d4 + row[5] * d5 + row[6] * d6 + row[7] * d7;
          if (v <= m) {
            int j = perm[q];
            if (v < m || j < arg) { m = v; arg = j; }
          }
        }
      } else {
        for (; q < q1; q++) {
          double v = b;
          const double *row = (const double *)(mem + tableAt) + (size_t)q * n;
          for (int i = 0; i < n; i++) v += row[i] * d[i];
          if (v <= m) {
            int j = perm[q];
            if (v < m || j < arg) { m = v; arg = j; }
          }
        }
      }
    }
    if (!(m <= theta)) continue;
    cellMin[c] = m;
    cellArg[c] = arg;
    found[nFound++] = c;
    int at = nTop;
    while (at > 0 && top[at - 1] > m) {
      top[at] = top[at - 1];
      at--;
    }
    top[at] = m;
    if (nTop < k) nTop++;
    if (nTop == k) theta = fmax(floorValue, top[k - 1]);
  }
  int count = 0;
  for (int f = 0; f < nFound; f++) {
    int c = found[f];
    double m = cellMin[c];
    if (!(m <= theta)) continue;
    int cell = cells[c];
    int at = count;
    while (at > 0) {
      int p = (int)order[at - 1];
      double mp = cellMin[p];
      if (mp < m || (mp == m && cells[p] < cell)) break;
      order[at] = p;
      at--;
    }
    order[at] = c;
    count++;
  }
  return count;
#undef PTR
}
