package org.batchsweep.optim;

import org.batchsweep.core.LrSchedule;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.Precision;

/**
 * SGD with every option (weight decay, dampening, Nesterov, a learning-rate schedule, OneCycleLR's
 * cycled momentum), operation for operation as PyTorch 1.13's single-tensor {@code sgd}:
 *
 * <pre>
 *   g = g + λ·θ                                    (weight decay)
 *   buf = g on the first step, else buf = μ·buf + (1−τ)·g
 *   d = Nesterov ? g + μ·buf : buf
 *   θ = θ + (−lr)·d
 * </pre>
 *
 * Parameters are arrays (index 0 the slope, 1 the intercept). Plain SGD at a constant lr uses the
 * faster {@link Sgd}, with identical results.
 */
abstract sealed class SgdFamily implements Optimizer permits SgdFamily.Float32, SgdFamily.Float64 {

  final SgdConfig config;
  final LrSchedule schedule;
  long steps;

  /** The gradient of a one-feature step, reused so the step allocates nothing. */
  private final double[] pair = new double[2];

  /** Whether the momentum buffer exists (PyTorch creates it on the first step with momentum). */
  boolean hasBuffer;

  SgdFamily(SgdConfig config, LrSchedule schedule) {
    this.config = config;
    this.schedule = schedule;
  }

  static SgdFamily start(
      SgdConfig config, Precision precision, double[] init, LrSchedule schedule) {
    return precision == Precision.FLOAT32
        ? new Float32(config, schedule, init)
        : new Float64(config, schedule, init);
  }

  @Override
  public final long steps() {
    return steps;
  }

  /** The one-feature step: the same update as {@link #step(double[])}. */
  @Override
  public final void step(double gradSlope, double gradIntercept) {
    pair[0] = gradSlope;
    pair[1] = gradIntercept;
    step(pair);
  }

  /** μ of the current step: OneCycleLR's, or the configured one. */
  final double momentumNow() {
    return schedule.cyclesMomentum() ? schedule.momentum() : config.momentum();
  }

  static final class Float32 extends SgdFamily {
    private final float[] params;
    private final float[] buffer;
    private final float[] grad;

    Float32(SgdConfig config, LrSchedule schedule, double[] init) {
      super(config, schedule);
      params = new float[init.length];
      buffer = new float[init.length];
      grad = new float[init.length];
      for (int j = 0; j < init.length; j++) {
        params[j] = (float) init[j];
      }
    }

    @Override
    public void step(double[] gradient) {
      steps++;
      schedule.at(steps);
      double momentum = momentumNow();
      float mu = (float) momentum;
      float undamped = (float) (1 - config.dampening());
      float decay = (float) config.weightDecay();
      float negativeLr = (float) -schedule.lr();
      boolean first = !hasBuffer;
      for (int j = 0; j < gradient.length; j++) {
        grad[j] = (float) gradient[j];
      }
      for (int j = 0; j < params.length; j++) {
        float d = grad[j];
        if (config.weightDecay() != 0) {
          d = d + decay * params[j];
        }
        if (momentum != 0) {
          buffer[j] = first ? d : buffer[j] * mu + undamped * d;
          d = config.nesterov() ? d + mu * buffer[j] : buffer[j];
        }
        params[j] = params[j] + negativeLr * d;
      }
      hasBuffer |= momentum != 0;
    }

    @Override
    public double slope() {
      return params[0];
    }

    @Override
    public double intercept() {
      return params[params.length - 1];
    }

    @Override
    public double param(int j) {
      return params[j];
    }

    @Override
    public int parameters() {
      return params.length;
    }
  }

  static final class Float64 extends SgdFamily {
    private final double[] params;
    private final double[] buffer;
    private final double[] grad;

    Float64(SgdConfig config, LrSchedule schedule, double[] init) {
      super(config, schedule);
      params = new double[init.length];
      buffer = new double[init.length];
      grad = new double[init.length];
      for (int j = 0; j < init.length; j++) {
        params[j] = init[j];
      }
    }

    @Override
    public void step(double[] gradient) {
      steps++;
      schedule.at(steps);
      double mu = momentumNow();
      double undamped = 1 - config.dampening();
      double decay = config.weightDecay();
      double negativeLr = -schedule.lr();
      boolean first = !hasBuffer;
      for (int j = 0; j < gradient.length; j++) {
        grad[j] = gradient[j];
      }
      for (int j = 0; j < params.length; j++) {
        double d = grad[j];
        if (decay != 0) {
          d = d + decay * params[j];
        }
        if (mu != 0) {
          buffer[j] = first ? d : buffer[j] * mu + undamped * d;
          d = config.nesterov() ? d + mu * buffer[j] : buffer[j];
        }
        params[j] = params[j] + negativeLr * d;
      }
      hasBuffer |= mu != 0;
    }

    @Override
    public double slope() {
      return params[0];
    }

    @Override
    public double intercept() {
      return params[params.length - 1];
    }

    @Override
    public double param(int j) {
      return params[j];
    }

    @Override
    public int parameters() {
      return params.length;
    }
  }
}
