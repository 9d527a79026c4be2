// One instantiation of the reduction kernels for an instruction set, written with the
// compiler's generic vector types so each instantiation only changes the instructions the
// compiler may use. Included by stats.c with WB_NAME and WB_TARGET defined.
//
// Sums run in 16 Double lanes: lane l accumulates the elements i ≡ l (mod 16) in ascending i,
// then the lanes are added pairwise (l + 8, then l + 4, l + 2, l + 1). Every operation is a
// correctly rounded IEEE operation on a lane, so every instantiation, and WeightInit's
// SampleStatistics, which follows the same order, gives the same bits.

#define WB_CAT2(a, b) a##b
#define WB_CAT(a, b) WB_CAT2(a, b)
#define WB_SUM WB_CAT(sum_, WB_NAME)
#define WB_SQUARES WB_CAT(squares_, WB_NAME)
#define WB_HISTOGRAM WB_CAT(histogram_, WB_NAME)

/// Σ x_i in the 16-lane order.
WB_TARGET static double WB_SUM(const float *x, ptrdiff_t count) {
    wb_v16d lanes = {0};
    ptrdiff_t i = 0;
    for (; i + 16 <= count; i += 16) {
        wb_v16f v;
        memcpy(&v, x + i, sizeof v);
        lanes += __builtin_convertvector(v, wb_v16d);
    }
    double tail[16];
    memcpy(tail, &lanes, sizeof tail);
    for (ptrdiff_t l = 0; i < count; i++, l++) tail[l] += (double)x[i];
    return wb_reduce16(tail);
}

/// Σ (x_i − mean)² in the 16-lane order (subtract, multiply, add; never fused).
WB_TARGET static double WB_SQUARES(const float *x, ptrdiff_t count, double mean) {
    wb_v16d lanes = {0};
    const wb_v16d m = {mean, mean, mean, mean, mean, mean, mean, mean, mean, mean, mean, mean, mean, mean, mean, mean};
    ptrdiff_t i = 0;
    for (; i + 16 <= count; i += 16) {
        wb_v16f v;
        memcpy(&v, x + i, sizeof v);
        const wb_v16d d = __builtin_convertvector(v, wb_v16d) - m;
        lanes += d * d;
    }
    double tail[16];
    memcpy(tail, &lanes, sizeof tail);
    for (ptrdiff_t l = 0; i < count; i++, l++) {
        const double d = (double)x[i] - mean;
        tail[l] += d * d;
    }
    return wb_reduce16(tail);
}

/// counts[b] += #{finite x_i : clamp(⌊(x_i − lower)/width⌋, 0, bins − 1) = b}, the quotient a
/// correctly rounded Double division (clamping before the conversion to an integer gives the
/// same bin and never overflows; a NaN quotient, from infinite bounds, counts in bin 0).
/// Counts are integers, so there is no order to keep: lane l of each vector of 8 values counts
/// into its own partial histogram (consecutive values often share a bin, and one histogram
/// would make each increment wait for the previous one), with one slot past the last bin for
/// the non-finite values, which are not counted.
WB_TARGET static void WB_HISTOGRAM(const float *x, ptrdiff_t count, double lower, double width, int bins, int64_t *counts) {
    int64_t partial[8][WB_MAX_BINS + 1];
    for (int r = 0; r < 8; r++) memset(partial[r], 0, sizeof(int64_t) * (size_t)(bins + 1));
    const double last = (double)(bins - 1);
    const wb_v8d lo = {lower, lower, lower, lower, lower, lower, lower, lower};
    const wb_v8d w = {width, width, width, width, width, width, width, width};
    const wb_v8d zero = {0, 0, 0, 0, 0, 0, 0, 0};
    const wb_v8d top = {last, last, last, last, last, last, last, last};
    const wb_v8i skip = {bins, bins, bins, bins, bins, bins, bins, bins};
    ptrdiff_t i = 0;
    for (; i + 8 <= count; i += 8) {
        wb_v8f v;
        memcpy(&v, x + i, sizeof v);
        const wb_v8d d = __builtin_convertvector(v, wb_v8d);
        const wb_v8d q = (d - lo) / w;
        const wb_v8l finite = (d - d) == zero;
        // q ≥ 0 ? min(q, last) : 0, with NaN quotients at 0 (as the scalar loop below).
        const wb_v8l nonnegative = q >= zero;
        const wb_v8d upper = __builtin_elementwise_min(q, top);
        const wb_v8d clamped = (wb_v8d)((wb_v8l)upper & nonnegative & finite);
        const wb_v8i keep = __builtin_convertvector(finite, wb_v8i);
        const wb_v8i index = (__builtin_convertvector(clamped, wb_v8i) & keep) | (skip & ~keep);
        int32_t lanes[8];
        memcpy(lanes, &index, sizeof lanes);
        for (int l = 0; l < 8; l++) partial[l][lanes[l]]++;
    }
    for (; i < count; i++) {
        const double d = (double)x[i];
        if (d - d != 0.0) continue;
        const double q = (d - lower) / width;
        const double c = q >= 0.0 ? (q <= last ? q : last) : 0.0;
        partial[0][(int)c]++;
    }
    for (int b = 0; b < bins; b++)
        for (int r = 0; r < 8; r++) counts[b] += partial[r][b];
}

#undef WB_SUM
#undef WB_SQUARES
#undef WB_HISTOGRAM
#undef WB_NAME
#undef WB_TARGET
