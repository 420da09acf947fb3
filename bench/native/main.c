/* Driver of the native reference kernels (bench/native.mjs builds and runs it):
 *   native integrand IMAGE SAMPLES EWALD_STATE SHELLS_STATE T NT U NU V NV FIRST LAST SHELLS Hx Hy Hz Nx Ny Nz Px Py Pz
 *   native cellscan  IMAGE SAMPLES CTX B KEEP FLOOR
 *   native mc        IMAGE SAMPLES CTX GAMMA SWEEPS
 * IMAGE is a dump of the WASM memory; the numbers are byte offsets into it, counts, and doubles
 * printed with 17 significant digits. Prints one JSON line: the median seconds of one call over
 * SAMPLES timed calls (after two untimed ones), the fastest call, and the results, for the bench to compare. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "native.h"

static uint8_t *read_image(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  fseek(f, 0, SEEK_END);
  *size = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  uint8_t *mem = aligned_alloc(64, (*size + 63) / 64 * 64);
  if (!mem || fread(mem, 1, *size, f) != *size) { fprintf(stderr, "cannot read %s\n", path); exit(2); }
  fclose(f);
  return mem;
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void print_times(double *times, int n) {
  qsort(times, n, sizeof(double), cmp);
  printf("{\"seconds\":%.9g,\"best\":%.9g,\"samples\":%d", times[n / 2], times[0], n);
}

int main(int argc, char **argv) {
  if (argc < 4) { fprintf(stderr, "usage: native integrand|cellscan IMAGE SAMPLES ...\n"); return 2; }
  size_t size;
  uint8_t *mem = read_image(argv[2], &size);
  int samples = atoi(argv[3]);
  double *times = malloc(sizeof(double) * (samples > 0 ? samples : 1));
  if (strcmp(argv[1], "integrand") == 0 && argc == 24) {
    size_t ewald = strtoul(argv[4], 0, 10), shellsState = strtoul(argv[5], 0, 10);
    const double *t = (const double *)(mem + strtoul(argv[6], 0, 10));
    int nt = atoi(argv[7]);
    const double *u = (const double *)(mem + strtoul(argv[8], 0, 10));
    int nu = atoi(argv[9]);
    const double *v = (const double *)(mem + strtoul(argv[10], 0, 10));
    int nv = atoi(argv[11]), first = atoi(argv[12]), last = atoi(argv[13]), shells = atoi(argv[14]);
    double wedge[9];
    for (int i = 0; i < 9; i++) wedge[i] = strtod(argv[15 + i], 0);
    integrand_setup(mem, ewald, shellsState);
    double *acc = calloc(shells + 1, sizeof(double));
    for (int r = -2; r < samples; r++) {
      memset(acc, 0, sizeof(double) * (shells + 1));
      recipTermsSummed = 0;
      double t0 = now();
      integrand_quadrature(mem, wedge, shells, t, nt, u, nu, v, nv, first, last, acc);
      if (r >= 0) times[r] = now() - t0;
    }
    print_times(times, samples);
    printf(",\"recipTermsPerPoint\":%.6g,\"acc\":[", (double)recipTermsSummed / (last - first));
    for (int i = 0; i <= shells; i++) printf("%s%.17g", i ? "," : "", acc[i]);
    printf("]}\n");
    return 0;
  }
  if (strcmp(argv[1], "cellscan") == 0 && argc == 8) {
    size_t ctx = strtoul(argv[4], 0, 10);
    double b = strtod(argv[5], 0), floorValue = strtod(argv[7], 0);
    int keep = atoi(argv[6]), count = 0;
    for (int r = -2; r < samples; r++) {
      double t0 = now();
      count = cell_scan(mem, ctx, b, keep, floorValue);
      if (r >= 0) times[r] = now() - t0;
    }
    /* the outputs, as assembly/cellScan.ts leaves them: order (positions), min and arg per position */
    const double *c = (const double *)(mem + ctx);
    const double *order = (const double *)(mem + (size_t)c[19]);
    const double *mins = (const double *)(mem + (size_t)c[17]);
    const double *args = (const double *)(mem + (size_t)c[18]);
    print_times(times, samples);
    printf(",\"count\":%d,\"cells\":[", count);
    for (int r = 0; r < count; r++) {
      int p = (int)order[r];
      printf("%s[%d,%.17g,%.17g]", r ? "," : "", p, mins[p], args[p]);
    }
    printf("]}\n");
    return 0;
  }
  if (strcmp(argv[1], "mc") == 0 && argc == 7) {
    size_t ctx = strtoul(argv[4], 0, 10);
    double gamma = strtod(argv[5], 0);
    int sweeps = atoi(argv[6]);
    /* the first call from the dumped state is compared with WASM; the timed calls continue the chain */
    double accepted = mc_sweeps(mem, ctx, gamma, sweeps);
    const double *c = (const double *)(mem + ctx);
    double energy = c[4];
    unsigned hash = mc_sites_hash(mem, ctx);
    for (int r = -1; r < samples; r++) {
      double t0 = now();
      mc_sweeps(mem, ctx, gamma, sweeps);
      if (r >= 0) times[r] = now() - t0;
    }
    print_times(times, samples);
    printf(",\"accepted\":%.17g,\"energy\":%.17g,\"sitesHash\":%u}\n", accepted, energy, hash);
    return 0;
  }
  fprintf(stderr, "native: bad arguments\n");
  return 2;
}
