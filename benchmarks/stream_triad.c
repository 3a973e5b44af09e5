/* Memory bandwidth of this machine: the STREAM triad a = b + s c over
 * arrays much larger than the caches, run as 1 and as N simultaneous
 * processes by benchmarks/bandwidth.sh. Sparse matrix-vector products and
 * AMG cycles are bound by this bandwidth, so it caps the parallel speed-up
 * of the linear solver on one machine. Prints the best of 10 repetitions in
 * GB/s (bytes moved: 3 arrays of 8-byte doubles per element). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double
now(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

int
main(void)
{
  const size_t n = 40u * 1000u * 1000u; /* 3 x 320 MB */
  double      *a = malloc(n * sizeof(double));
  double      *b = malloc(n * sizeof(double));
  double      *c = malloc(n * sizeof(double));
  if (!a || !b || !c)
    return 1;
  for (size_t i = 0; i < n; ++i)
    {
      a[i] = 0;
      b[i] = 1;
      c[i] = 2;
    }
  double best = 1e30;
  for (int r = 0; r < 10; ++r)
    {
      const double t0 = now();
      for (size_t i = 0; i < n; ++i)
        a[i] = b[i] + 3.0 * c[i];
      const double t = now() - t0;
      if (t < best)
        best = t;
    }
  printf("%.2f\n", 3.0 * n * sizeof(double) / best / 1e9 + 0 * a[n / 2]);
  free(a);
  free(b);
  free(c);
  return 0;
}
