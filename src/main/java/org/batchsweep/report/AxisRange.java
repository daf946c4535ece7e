package org.batchsweep.report;

/**
 * A y range that exploded runs cannot set. It is built around a <em>core</em> of values every
 * sensible run lies between (the reference, the objective's minimiser, the initial values): the
 * range covers the core and every plotted value within {@link #REACH} core widths of it, and
 * nothing beyond. A value outside the range (a diverged run's ±3·10^38, say) is drawn at the
 * panel's edge as a marker instead of stretching the axis until every other line is flat.
 */
record AxisRange(double lo, double hi, boolean log) {

  AxisRange(double lo, double hi) {
    this(lo, hi, false);
  }

  /**
   * {@link #robust} on a log axis: computed on the logarithms of the positive values, so a loss
   * that exploded by 30 orders of magnitude cannot set it either.
   */
  static AxisRange robustLog(double[] core, double[] values) {
    AxisRange r = robust(log10(core), log10(values));
    return new AxisRange(Math.pow(10, r.lo), Math.pow(10, r.hi), true);
  }

  private static double[] log10(double[] values) {
    return java.util.Arrays.stream(values).map(v -> v > 0 ? Math.log10(v) : Double.NaN).toArray();
  }

  /**
   * How far beyond the core, in core widths, a value may lie and still be drawn to scale: wide
   * enough for runs that overshoot or wander on their way (an intercept swinging out while the
   * slope catches up), narrow enough that a blown-up run, orders of magnitude away, stays out.
   */
  static final double REACH = 4.0;

  /** Padding added on each side, as a share of the range. */
  static final double PAD = 0.04;

  /**
   * @param core values that bound sensible results; non-finite ones are ignored
   * @param values the values to be plotted; non-finite ones are ignored
   */
  static AxisRange robust(double[] core, double[] values) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double v : core) {
      if (Double.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    if (lo > hi) {
      // No core: the middle of the values, their 25th to 75th percentile, takes its place.
      double[] finite = java.util.Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
      if (finite.length == 0) {
        return new AxisRange(-1, 1);
      }
      lo = finite[(int) Math.floor(0.25 * (finite.length - 1))];
      hi = finite[(int) Math.ceil(0.75 * (finite.length - 1))];
    }
    double span = Math.max(hi - lo, Math.max(1e-3, 1e-3 * Math.max(Math.abs(lo), Math.abs(hi))));
    double limitLo = lo - REACH * span;
    double limitHi = hi + REACH * span;
    double min = lo;
    double max = hi;
    for (double v : values) {
      if (Double.isFinite(v) && v >= limitLo && v <= limitHi) {
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
    }
    double pad = PAD * Math.max(max - min, span);
    return new AxisRange(min - pad, max + pad);
  }

  boolean contains(double v) {
    return v >= lo && v <= hi;
  }

  /** The value, or the nearest edge when it is outside; NaN stays NaN. */
  double clamp(double v) {
    return Double.isNaN(v) ? v : Math.max(lo, Math.min(hi, v));
  }

  /** True when a finite value lies outside the range, or the value is non-finite. */
  boolean offScale(double v) {
    return !Double.isFinite(v) || !contains(v);
  }

  /** Where an off-scale marker sits: just inside the edge the value is beyond (top for NaN). */
  double edge(double v) {
    if (log) {
      double inset = 0.025 * (Math.log10(hi) - Math.log10(lo));
      return v < lo ? Math.pow(10, Math.log10(lo) + inset) : Math.pow(10, Math.log10(hi) - inset);
    }
    double inset = 0.025 * (hi - lo);
    return v < lo ? lo + inset : hi - inset;
  }

  /** Fixes a chart's y axis to this range. */
  void apply(org.knowm.xchart.XYChart chart) {
    chart.getStyler().setYAxisMin(lo);
    chart.getStyler().setYAxisMax(hi);
  }
}
