/* Native reference of the integrand kernel: assembly/ewald.ts (D(k), beta(k), beta^T D^-1 beta),
 * assembly/shells.ts (shell cosine sums) and assembly/quadrature.ts (the wedge Gauss rule), the
 * same algorithm line by line in plain C. It reads every table from a dump of the WASM memory,
 * through the state blocks that ewaldState()/shellsState() write (f64 words: counts, parameters
 * and byte offsets), so both sides sum exactly the same terms in the same order. */
#include <math.h>
#include <string.h>
#include "native.h"

#define FOUR_PI_N 3.0
#define REAL_COEFS 9
#define RECIP_COEFS 4

typedef struct {
  int nReal, realMax, nRecip, recipMax;
  double eta, diagonal, halfLattice, recipUnit, recipReach;
  size_t phase, damp, realIdx, realCoef, recipIdx, recipCoef, recipNorm, scratch;
} Ewald;

typedef struct {
  int nTerms, nShells, hMax;
  double half;
  size_t cheb, termIdx, termWeight, shellEnd;
} Shells;

static Ewald E;
static Shells S;
static double D[9]; /* xx yy zz xy xz yz, beta x y z */
static double cosK[3];

void integrand_setup(uint8_t *mem, size_t ewaldState, size_t shellsState) {
  const double *e = (const double *)(mem + ewaldState);
  E.nReal = (int)e[0]; E.realMax = (int)e[1]; E.nRecip = (int)e[2]; E.recipMax = (int)e[3];
  E.eta = e[4]; E.diagonal = e[5]; E.halfLattice = e[6]; E.recipUnit = e[7]; E.recipReach = e[8];
  E.phase = (size_t)e[11]; E.damp = (size_t)e[12];
  E.realIdx = (size_t)e[13]; E.realCoef = (size_t)e[14]; E.recipIdx = (size_t)e[15];
  E.recipCoef = (size_t)e[16]; E.recipNorm = (size_t)e[17]; E.scratch = (size_t)e[22];
  const double *s = (const double *)(mem + shellsState);
  S.nTerms = (int)s[0]; S.nShells = (int)s[1]; S.hMax = (int)s[2]; S.half = s[3];
  S.cheb = (size_t)s[4]; S.termIdx = (size_t)s[6]; S.termWeight = (size_t)s[7]; S.shellEnd = (size_t)s[8];
}

#define F64(mem, at) (*(double *)((mem) + (at)))

static void phase_row(double *t, int base, int M, double c1, double s1) {
  t[2 * base] = 1.0;
  t[2 * base + 1] = 0.0;
  double c = 1.0, s = 0.0;
  for (int h = 1; h <= M; h++) {
    double cn = c * c1 - s * s1;
    s = s * c1 + c * s1;
    c = cn;
    t[2 * (base + h)] = c;
    t[2 * (base + h) + 1] = s;
    t[2 * (base - h)] = c;
    t[2 * (base - h) + 1] = -s;
  }
}

static void damp_row(double *t, int base, int G, double up) {
  double down = 1.0 / up, pu = 1.0, pd = 1.0;
  t[base] = 1.0;
  for (int h = 1; h <= G; h++) {
    pu *= up;
    pd *= down;
    t[base + h] = pu;
    t[base - h] = pd;
  }
}

static int recip_count(uint8_t *mem, double kNorm) {
  const double *norm = (const double *)(mem + E.recipNorm);
  double limit = E.recipReach + kNorm;
  int lo = 0, hi = E.nRecip;
  while (lo < hi) {
    int mid = (lo + hi) >> 1;
    if (norm[mid] <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

long recipTermsSummed = 0; /* for the FLOP count */

static void evaluate_dynamical(uint8_t *mem, double kx, double ky, double kz) {
  int M = E.realMax, width = 2 * M + 1;
  double *phase = (double *)(mem + E.phase);
  cosK[0] = cos(kx * E.halfLattice);
  cosK[1] = cos(ky * E.halfLattice);
  cosK[2] = cos(kz * E.halfLattice);
  phase_row(phase, M, M, cosK[0], sin(kx * E.halfLattice));
  phase_row(phase, width + M, M, cosK[1], sin(ky * E.halfLattice));
  phase_row(phase, 2 * width + M, M, cosK[2], sin(kz * E.halfLattice));
  /* two loops per sum, as in ewald.ts: beta and the per-term factor, then the D components */
  double dxx = 0, dyy = 0, dzz = 0, dxy = 0, dxz = 0, dyz = 0, bx = 0, by = 0, bz = 0;
  double *scratch = (double *)(mem + E.scratch);
  const int32_t *ri = (const int32_t *)(mem + E.realIdx);
  const double *rc = (const double *)(mem + E.realCoef);
  for (int j = 0; j < E.nReal; j++, ri += 4, rc += REAL_COEFS) {
    const double *px = (const double *)(mem + ri[0]), *py = (const double *)(mem + ri[1]), *pz = (const double *)(mem + ri[2]);
    double cx = px[0], sx = px[1], cy = py[0], sy = py[1], cz = pz[0], sz = pz[1];
    double re = cx * cy - sx * sy;
    double im = cx * sy + sx * cy;
    double sn = 2.0 * (re * sz + im * cz);
    scratch[j] = 2.0 * (re * cz - im * sz);
    bx += sn * rc[6]; by += sn * rc[7]; bz += sn * rc[8];
  }
  rc = (const double *)(mem + E.realCoef);
  for (int j = 0; j < E.nReal; j++, rc += REAL_COEFS) {
    double cs = scratch[j];
    dxx -= cs * rc[0]; dyy -= cs * rc[1]; dzz -= cs * rc[2];
    dxy -= cs * rc[3]; dxz -= cs * rc[4]; dyz -= cs * rc[5];
  }
  int G = E.recipMax, gw = 2 * G + 1;
  double inv2eta2 = 1.0 / (2.0 * E.eta * E.eta);
  double *damp = (double *)(mem + E.damp);
  damp_row(damp, G, G, exp(-kx * E.recipUnit * inv2eta2));
  damp_row(damp, gw + G, G, exp(-ky * E.recipUnit * inv2eta2));
  damp_row(damp, 2 * gw + G, G, exp(-kz * E.recipUnit * inv2eta2));
  double k2 = kx * kx + ky * ky + kz * kz;
  double ek3 = FOUR_PI_N * exp(-k2 * 0.5 * inv2eta2);
  int count = recip_count(mem, sqrt(k2));
  recipTermsSummed += count;
  ri = (const int32_t *)(mem + E.recipIdx);
  rc = (const double *)(mem + E.recipCoef);
  for (int j = 0; j < count; j++, ri += 4, rc += RECIP_COEFS) {
    double qx = kx + rc[0], qy = ky + rc[1], qz = kz + rc[2];
    double q2 = qx * qx + qy * qy + qz * qz;
    if (q2 < 1e-300) { scratch[j] = 0.0; continue; }
    double dmp = F64(mem, ri[0]) * F64(mem, ri[1]) * F64(mem, ri[2]);
    double w = ek3 * rc[3] * dmp / q2;
    scratch[j] = w;
    bx -= w * qx; by -= w * qy; bz -= w * qz;
  }
  rc = (const double *)(mem + E.recipCoef);
  for (int j = 0; j < count; j++, rc += RECIP_COEFS) {
    double w = scratch[j];
    double qx = kx + rc[0], qy = ky + rc[1], qz = kz + rc[2];
    dxx += w * qx * qx; dyy += w * qy * qy; dzz += w * qz * qz;
    dxy += w * qx * qy; dxz += w * qx * qz; dyz += w * qy * qz;
  }
  D[0] = dxx + E.diagonal; D[1] = dyy + E.diagonal; D[2] = dzz + E.diagonal;
  D[3] = dxy; D[4] = dxz; D[5] = dyz; D[6] = bx; D[7] = by; D[8] = bz;
}

static double integrand_at(uint8_t *mem, double kx, double ky, double kz) {
  evaluate_dynamical(mem, kx, ky, kz);
  double l11 = sqrt(D[0]);
  double l21 = D[3] / l11;
  double l31 = D[4] / l11;
  double l22 = sqrt(D[1] - l21 * l21);
  double l32 = (D[5] - l31 * l21) / l22;
  double l33 = sqrt(D[2] - l31 * l31 - l32 * l32);
  double z1 = D[6] / l11;
  double z2 = (D[7] - l21 * z1) / l22;
  double z3 = (D[8] - l31 * z1 - l32 * z2) / l33;
  return z1 * z1 + z2 * z2 + z3 * z3;
}

static void chebyshev_rows(uint8_t *mem) {
  int w = S.hMax + 1;
  double *cheb = (double *)(mem + S.cheb);
  for (int a = 0; a < 3; a++) {
    double c1 = cosK[a];
    int b = a * w;
    cheb[b] = 1.0;
    if (S.hMax >= 1) cheb[b + 1] = c1;
    double prev = 1.0, cur = c1;
    for (int m = 2; m <= S.hMax; m++) {
      double next = 2.0 * c1 * cur - prev;
      prev = cur;
      cur = next;
      cheb[b + m] = cur;
    }
  }
}

static void accumulate_shells(uint8_t *mem, double *acc, double scale) {
  const int32_t *end = (const int32_t *)(mem + S.shellEnd);
  const int32_t *ti = (const int32_t *)(mem + S.termIdx);
  const double *tw = (const double *)(mem + S.termWeight);
  int j = 0;
  for (int i = 0; i < S.nShells; i++) {
    double c = 0.0;
    for (; j < end[i]; j++, ti += 4, tw++) c += tw[0] * F64(mem, ti[0]) * F64(mem, ti[1]) * F64(mem, ti[2]);
    acc[i] += scale * c;
  }
}

void integrand_quadrature(uint8_t *mem, const double *wedge, int shells,
                          const double *t, int nt, const double *u, int nu, const double *v, int nv,
                          int first, int last, double *acc) {
  double hx = wedge[0], hy = wedge[1], hz = wedge[2];
  double ax = wedge[3] - wedge[0], ay = wedge[4] - wedge[1], az = wedge[5] - wedge[2];
  double bx = wedge[6] - wedge[3], by = wedge[7] - wedge[4], bz = wedge[8] - wedge[5];
  (void)nt;
  int nuv = nu * nv;
  int it = first / nuv, iu = (first - it * nuv) / nv, iv = first - it * nuv - iu * nv;
  double acc0 = acc[0];
  for (int idx = first; idx < last; idx++) {
    double tt = t[2 * it], uu = u[2 * iu], vv = v[2 * iv];
    double w = 6.0 * tt * tt * uu * t[2 * it + 1] * u[2 * iu + 1] * v[2 * iv + 1];
    double px = hx + uu * (ax + vv * bx);
    double py = hy + uu * (ay + vv * by);
    double pz = hz + uu * (az + vv * bz);
    double wf = w * integrand_at(mem, tt * px, tt * py, tt * pz);
    acc0 += wf;
    if (shells > 0) {
      chebyshev_rows(mem);
      accumulate_shells(mem, acc + 1, wf);
    }
    if (++iv == nv) {
      iv = 0;
      if (++iu == nu) { iu = 0; it++; }
    }
  }
  acc[0] = acc0;
}
