// Process-wide tuning for the `workbook` executable (never called by the libraries).
#include "CKernels.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

/// See CKernels.h.
void wb_tune_allocator(void) {
#if defined(__GLIBC__)
    // Large arrays (weights, activations: 1–4 MB) come from the heap instead of fresh mmaps,
    // freed memory stays in the process, and the heap grows in 16 MB steps: memory is touched
    // (page-faulted and zeroed by the kernel) once per process rather than once per array.
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 16 << 20);
#endif
}
