package org.batchsweep.optim;

import org.batchsweep.core.Optimizer;
import org.batchsweep.core.Precision;

/**
 * SGD's per-run state: the parameters and, with momentum, the momentum buffer. Like {@link Adam},
 * the update is written once in {@code float} ({@link Float32}) and once in {@code double} ({@link
 * Float64}); Java's {@code float} arithmetic is the single-precision tensor arithmetic.
 */
abstract sealed class Sgd implements Optimizer permits Sgd.Float32, Sgd.Float64 {

  long steps;

  static Sgd start(SgdConfig config, Precision precision, double slope, double intercept) {
    return precision == Precision.FLOAT32
        ? new Float32(config, slope, intercept)
        : new Float64(config, slope, intercept);
  }

  @Override
  public final long steps() {
    return steps;
  }

  /** Single precision. */
  static final class Float32 extends Sgd {
    private final float lr;
    private final float momentum;
    private float slope;
    private float intercept;
    private float slopeBuffer;
    private float interceptBuffer;

    Float32(SgdConfig config, double slope, double intercept) {
      this.lr = (float) config.lr();
      this.momentum = (float) config.momentum();
      this.slope = (float) slope;
      this.intercept = (float) intercept;
    }

    @Override
    public void step(double gradSlope, double gradIntercept) {
      steps++;
      float gs = (float) gradSlope;
      float gi = (float) gradIntercept;
      if (momentum != 0) {
        slopeBuffer = steps == 1 ? gs : slopeBuffer * momentum + gs;
        interceptBuffer = steps == 1 ? gi : interceptBuffer * momentum + gi;
        gs = slopeBuffer;
        gi = interceptBuffer;
      }
      slope = slope - lr * gs;
      intercept = intercept - lr * gi;
    }

    @Override
    public double slope() {
      return slope;
    }

    @Override
    public double intercept() {
      return intercept;
    }
  }

  /** Double precision. */
  static final class Float64 extends Sgd {
    private final double lr;
    private final double momentum;
    private double slope;
    private double intercept;
    private double slopeBuffer;
    private double interceptBuffer;

    Float64(SgdConfig config, double slope, double intercept) {
      this.lr = config.lr();
      this.momentum = config.momentum();
      this.slope = slope;
      this.intercept = intercept;
    }

    @Override
    public void step(double gradSlope, double gradIntercept) {
      steps++;
      double gs = gradSlope;
      double gi = gradIntercept;
      if (momentum != 0) {
        slopeBuffer = steps == 1 ? gs : slopeBuffer * momentum + gs;
        interceptBuffer = steps == 1 ? gi : interceptBuffer * momentum + gi;
        gs = slopeBuffer;
        gi = interceptBuffer;
      }
      slope = slope - lr * gs;
      intercept = intercept - lr * gi;
    }

    @Override
    public double slope() {
      return slope;
    }

    @Override
    public double intercept() {
      return intercept;
    }
  }
}
