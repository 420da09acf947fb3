/* Native (C) reference kernels of the bench: see integrand.c, cellscan.c and main.c. */
#include <stddef.h>
#include <stdint.h>

void integrand_setup(uint8_t *mem, size_t ewaldState, size_t shellsState);
void integrand_quadrature(uint8_t *mem, const double *wedge, int shells,
                          const double *t, int nt, const double *u, int nu, const double *v, int nv,
                          int first, int last, double *acc);
extern long recipTermsSummed;
int cell_scan(uint8_t *mem, size_t ctx, double b, int keep, double floorValue);
double mc_sweeps(uint8_t *mem, size_t ctx, double gamma, int sweeps);
uint32_t mc_sites_hash(uint8_t *mem, size_t ctx);
