package org.batchsweep.optim;

import org.batchsweep.core.LrSchedule;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.Precision;

/**
 * Adagrad's per-run state and update, operation for operation as PyTorch 1.13's single-tensor
 * {@code adagrad}:
 *
 * <pre>
 *   g = g + λ·θ                                    (weight decay)
 *   clr = lr / (1 + (t − 1)·lr_decay)              (double, as Python computes it)
 *   sum = sum + g·g                                (sum starts at the initial accumulator value)
 *   θ = θ + (−clr)·g / (sqrt(sum) + ε)
 * </pre>
 *
 * Adagrad has no momentum, so OneCycleLR cycles only its lr. Parameters are arrays (index 0 the
 * slope, 1 the intercept).
 */
abstract sealed class AdagradFamily implements Optimizer
    permits AdagradFamily.Float32, AdagradFamily.Float64 {

  final AdagradConfig config;
  final LrSchedule schedule;
  long steps;

  /** The gradient of a one-feature step, reused so the step allocates nothing. */
  private final double[] pair = new double[2];

  AdagradFamily(AdagradConfig config, LrSchedule schedule) {
    this.config = config;
    this.schedule = schedule;
  }

  static AdagradFamily start(
      AdagradConfig config, Precision precision, double[] init, LrSchedule schedule) {
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

  /** The decayed lr of step {@code t}. */
  final double clr(long t) {
    return schedule.lr() / (1 + (double) (t - 1) * config.lrDecay());
  }

  static final class Float32 extends AdagradFamily {
    private final float[] params;
    private final float[] sum;
    private final float[] grad;

    Float32(AdagradConfig config, LrSchedule schedule, double[] init) {
      super(config, schedule);
      params = new float[init.length];
      sum = new float[init.length];
      grad = new float[init.length];
      for (int j = 0; j < init.length; j++) {
        params[j] = (float) init[j];
      }
      java.util.Arrays.fill(sum, (float) config.initialAccumulator());
    }

    @Override
    public void step(double[] gradient) {
      steps++;
      schedule.at(steps);
      float negativeClr = (float) -clr(steps);
      float eps = (float) config.epsilon();
      float decay = (float) config.weightDecay();
      for (int j = 0; j < gradient.length; j++) {
        grad[j] = (float) gradient[j];
      }
      for (int j = 0; j < params.length; j++) {
        float g = grad[j];
        if (config.weightDecay() != 0) {
          g = g + decay * params[j];
        }
        sum[j] = sum[j] + g * g;
        float std = (float) Math.sqrt(sum[j]) + eps;
        params[j] = params[j] + negativeClr * g / std;
      }
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

  static final class Float64 extends AdagradFamily {
    private final double[] params;
    private final double[] sum;
    private final double[] grad;

    Float64(AdagradConfig config, LrSchedule schedule, double[] init) {
      super(config, schedule);
      params = new double[init.length];
      sum = new double[init.length];
      grad = new double[init.length];
      for (int j = 0; j < init.length; j++) {
        params[j] = init[j];
      }
      java.util.Arrays.fill(sum, config.initialAccumulator());
    }

    @Override
    public void step(double[] gradient) {
      steps++;
      schedule.at(steps);
      double negativeClr = -clr(steps);
      double eps = config.epsilon();
      double decay = config.weightDecay();
      for (int j = 0; j < gradient.length; j++) {
        grad[j] = gradient[j];
      }
      for (int j = 0; j < params.length; j++) {
        double g = grad[j];
        if (decay != 0) {
          g = g + decay * params[j];
        }
        sum[j] = sum[j] + g * g;
        double std = Math.sqrt(sum[j]) + eps;
        params[j] = params[j] + negativeClr * g / std;
      }
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
