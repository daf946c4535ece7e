package org.batchsweep.optim;

import org.batchsweep.core.Optimizer;
import org.batchsweep.core.Precision;

/**
 * Adam's per-run state and update, operation for operation as PyTorch's single-tensor Adam:
 *
 * <pre>
 *   m = β1·m + (1−β1)·g
 *   v = β2·v + (1−β2)·g·g
 *   p = p + (−lr/(1−β1^t))·m / (sqrt(v)/sqrt(1−β2^t) + ε)
 * </pre>
 *
 * PyTorch computes the bias corrections from the Python-float betas in double precision; every
 * tensor operation is then done in the parameters' precision, with scalar operands cast to it. The
 * bias corrections come from {@link BiasCorrections}, which computes them once per JVM.
 *
 * <p>The update is written twice, in {@link Float32} with {@code float} state and arithmetic and in
 * {@link Float64} with {@code double}. Java rounds every {@code float} operation to single
 * precision (no fused multiply-add, no wider intermediates), and for {@code + − × ÷} and {@code
 * sqrt} that equals computing in double and rounding once (see {@link Precision}), so {@code
 * Float32} is the single-precision tensor arithmetic; it is also several times cheaper than
 * rounding each double result through {@link Precision#round}.
 */
abstract sealed class Adam implements Optimizer permits Adam.Float32, Adam.Float64 {

  final AdamConfig config;
  final BiasCorrections corrections;
  long steps;

  Adam(AdamConfig config) {
    this.config = config;
    this.corrections = BiasCorrections.of(config.beta1(), config.beta2());
  }

  static Adam start(AdamConfig config, Precision precision, double slope, double intercept) {
    return precision == Precision.FLOAT32
        ? new Float32(config, slope, intercept)
        : new Float64(config, slope, intercept);
  }

  @Override
  public final long steps() {
    return steps;
  }

  /** Single precision: parameters, moments and every operation of the update in {@code float}. */
  static final class Float32 extends Adam {
    private final float beta1;
    private final float beta2;
    private final float oneMinusBeta1;
    private final float oneMinusBeta2;
    private final float epsilon;

    /** The step size once {@code 1 − β1^t} has reached exactly 1: {@code −lr}. */
    private final float negativeLr;

    private float slope;
    private float intercept;
    private float slopeMoment1;
    private float interceptMoment1;
    private float slopeMoment2;
    private float interceptMoment2;

    Float32(AdamConfig config, double slope, double intercept) {
      super(config);
      this.beta1 = (float) config.beta1();
      this.beta2 = (float) config.beta2();
      this.oneMinusBeta1 = (float) (1.0 - config.beta1());
      this.oneMinusBeta2 = (float) (1.0 - config.beta2());
      this.epsilon = (float) config.epsilon();
      this.negativeLr = (float) -config.lr();
      this.slope = (float) slope;
      this.intercept = (float) intercept;
    }

    @Override
    public void step(double gradSlope, double gradIntercept) {
      long t = ++steps;
      double biasCorrection1 = corrections.correction1(t);
      // −lr / 1.0 is −lr exactly: past ~355 steps the division can be skipped.
      float negativeStepSize =
          biasCorrection1 == 1.0 ? negativeLr : (float) (-config.lr() / biasCorrection1);
      float correction2 = (float) corrections.correction2Sqrt(t);
      float gs = (float) gradSlope;
      float gi = (float) gradIntercept;
      slopeMoment1 = slopeMoment1 * beta1 + oneMinusBeta1 * gs;
      interceptMoment1 = interceptMoment1 * beta1 + oneMinusBeta1 * gi;
      slopeMoment2 = slopeMoment2 * beta2 + oneMinusBeta2 * gs * gs;
      interceptMoment2 = interceptMoment2 * beta2 + oneMinusBeta2 * gi * gi;
      float slopeDenominator = (float) Math.sqrt(slopeMoment2) / correction2 + epsilon;
      float interceptDenominator = (float) Math.sqrt(interceptMoment2) / correction2 + epsilon;
      slope = slope + negativeStepSize * slopeMoment1 / slopeDenominator;
      intercept = intercept + negativeStepSize * interceptMoment1 / interceptDenominator;
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

  /** Double precision: the same update in {@code double}. */
  static final class Float64 extends Adam {
    private final double negativeLr;
    private double slope;
    private double intercept;
    private double slopeMoment1;
    private double interceptMoment1;
    private double slopeMoment2;
    private double interceptMoment2;

    Float64(AdamConfig config, double slope, double intercept) {
      super(config);
      this.negativeLr = -config.lr();
      this.slope = slope;
      this.intercept = intercept;
    }

    @Override
    public void step(double gradSlope, double gradIntercept) {
      long t = ++steps;
      double beta1 = config.beta1();
      double beta2 = config.beta2();
      double oneMinusBeta1 = 1.0 - beta1;
      double oneMinusBeta2 = 1.0 - beta2;
      double epsilon = config.epsilon();
      double biasCorrection1 = corrections.correction1(t);
      double negativeStepSize =
          biasCorrection1 == 1.0 ? negativeLr : -config.lr() / biasCorrection1;
      double correction2 = corrections.correction2Sqrt(t);
      slopeMoment1 = slopeMoment1 * beta1 + oneMinusBeta1 * gradSlope;
      interceptMoment1 = interceptMoment1 * beta1 + oneMinusBeta1 * gradIntercept;
      slopeMoment2 = slopeMoment2 * beta2 + oneMinusBeta2 * gradSlope * gradSlope;
      interceptMoment2 = interceptMoment2 * beta2 + oneMinusBeta2 * gradIntercept * gradIntercept;
      double slopeDenominator = Math.sqrt(slopeMoment2) / correction2 + epsilon;
      double interceptDenominator = Math.sqrt(interceptMoment2) / correction2 + epsilon;
      slope = slope + negativeStepSize * slopeMoment1 / slopeDenominator;
      intercept = intercept + negativeStepSize * interceptMoment1 / interceptDenominator;
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
