/* Native reference of the lattice Monte Carlo move kernel: mcSweeps of assembly/mc.ts without
 * structure measurements (measureEvery = 0), line by line: Kawasaki exchanges with local fields,
 * xoshiro128** in 32-bit integer arithmetic, one exp() only when dE > 0. It runs on a dump of
 * the WASM memory through the kernel's context block (f64 words; the layout of
 * assembly/mcLayout.ts, McWord) and leaves the state as the WASM kernel would. */
#include <math.h>
#include "native.h"

enum { W_L, W_N, W_SLOTS, W_N2, W_ENERGY, W_DIFF_AB, W_ATTEMPTS, W_ACCEPTED, W_SITES, W_LIST2,
       W_LIST1, W_FIELD, W_COORD, W_SLOT_D, W_SLOT_J, W_NBR, W_PAIR_J, W_RNG, W_MEASURE_SHELLS,
       W_SHELL_C, W_TWIDDLE, W_DFT, W_RECORD, W_SERIES, W_CAPACITY };
enum { SERIES_ENERGY, SERIES_DIFF_AB, SERIES_S_MAX, SERIES_ALPHA };

/* one xoshiro128** step as mc.ts writes it: (s1 * 5) rotl 7, times 9, then the state update */
#define NEXT(r)                                                           \
  do {                                                                    \
    uint32_t m5 = (s1 << 2) + s1;                                         \
    r = (m5 << 7) | (m5 >> 25);                                           \
    r = (r << 3) + r;                                                     \
    uint32_t tmp = s1 << 9;                                               \
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= tmp;                    \
    s3 = (s3 << 11) | (s3 >> 21);                                         \
  } while (0)

double mc_sweeps(uint8_t *mem, size_t ctxAt, double gamma, int sweeps) {
  double *ctx = (double *)(mem + ctxAt);
#define PTR(type, w) ((type *)(mem + (size_t)ctx[w]))
  int L = (int)ctx[W_L], n = (int)ctx[W_N], slots = (int)ctx[W_SLOTS], n2 = (int)ctx[W_N2];
  int n1 = n - n2;
  int32_t *sites = PTR(int32_t, W_SITES), *list2 = PTR(int32_t, W_LIST2), *list1 = PTR(int32_t, W_LIST1);
  double *field = PTR(double, W_FIELD);
  const int32_t *coord = PTR(const int32_t, W_COORD);
  const uint16_t *nbr = PTR(const uint16_t, W_NBR);
  const double *slotJ = PTR(const double, W_SLOT_J), *pairJ = PTR(const double, W_PAIR_J);
  double *series = PTR(double, W_SERIES);
  int capacity = (int)ctx[W_CAPACITY], shells = (int)ctx[W_MEASURE_SHELLS];
  int stride = SERIES_ALPHA + shells;
  int32_t *rng = PTR(int32_t, W_RNG);
  int period = 2 * L, half = L * L * L;
  uint32_t s0 = (uint32_t)rng[0], s1 = (uint32_t)rng[1], s2 = (uint32_t)rng[2], s3 = (uint32_t)rng[3];
  double energy = ctx[W_ENERGY];
  int diff = (int)ctx[W_DIFF_AB];
  int accepted = 0;
  int canMove = n2 > 0 && n1 > 0;
  for (int sweep = 0; sweep < sweeps; sweep++) {
    for (int t = 0; canMove && t < n; t++) {
      uint32_t r;
      NEXT(r);
      int ia = (int)((r >> 1) % (uint32_t)n2);
      NEXT(r);
      int ib = (int)((r >> 1) % (uint32_t)n1);
      int a = list2[ia], b = list1[ib];
      const int32_t *ca = coord + 3 * a, *cb = coord + 3 * b;
      int dx = cb[0] - ca[0], dy = cb[1] - ca[1], dz = cb[2] - ca[2];
      dx += period & (dx >> 31); /* wrap into [0, 2L) without a branch, as mc.ts */
      dy += period & (dy >> 31);
      dz += period & (dz >> 31);
      double dE = field[b] - field[a] - pairJ[(dx * period + dy) * period + dz];
      int accept = dE <= 0.0;
      if (!accept) {
        NEXT(r);
        accept = (double)(r >> 1) * 4.656612873077393e-10 < exp(-gamma * dE);
      }
      if (accept) {
        sites[a] = 0;
        sites[b] = 1;
        list2[ia] = b;
        list1[ib] = a;
        /* moveFields of mc.ts: slot by slot, h(a + d_k) -= J_k then h(b + d_k) += J_k */
        const uint16_t *na = nbr + (size_t)a * slots, *nb = nbr + (size_t)b * slots;
        for (const double *j = slotJ, *jEnd = slotJ + slots; j < jEnd; j++, na++, nb++) {
          double v = *j;
          field[*na] -= v;
          field[*nb] += v;
        }
        energy += dE;
        diff += (b < half ? 1 : -1) - (a < half ? 1 : -1);
        accepted++;
      }
    }
    if (sweep < capacity) {
      int out = sweep * stride;
      series[out + SERIES_ENERGY] = energy;
      series[out + SERIES_DIFF_AB] = diff;
      series[out + SERIES_S_MAX] = -1.0;
    }
  }
  rng[0] = (int32_t)s0; rng[1] = (int32_t)s1; rng[2] = (int32_t)s2; rng[3] = (int32_t)s3;
  ctx[W_ENERGY] = energy;
  ctx[W_DIFF_AB] = diff;
  ctx[W_ATTEMPTS] += canMove ? (double)n * sweeps : 0.0;
  ctx[W_ACCEPTED] += accepted;
  return accepted;
#undef PTR
}

/* FNV-1a of the occupations, for the comparison with the WASM state */
uint32_t mc_sites_hash(uint8_t *mem, size_t ctxAt) {
  const double *ctx = (const double *)(mem + ctxAt);
  const int32_t *sites = (const int32_t *)(mem + (size_t)ctx[W_SITES]);
  uint32_t h = 2166136261u;
  for (int i = 0; i < (int)ctx[W_N]; i++) h = (h ^ (uint32_t)sites[i]) * 16777619u;
  return h;
}
