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

  AdagradFamily(AdagradConfig config, LrSchedule schedule) {
    this.config = config;
    this.schedule = schedule;
  }

  static AdagradFamily start(
      AdagradConfig config,
      Precision precision,
      double slope,
      double intercept,
      LrSchedule schedule) {
    return precision == Precision.FLOAT32
        ? new Float32(config, schedule, slope, intercept)
        : new Float64(config, schedule, slope, intercept);
  }

  @Override
  public final long steps() {
    return steps;
  }

  /** The decayed lr of step {@code t}. */
  final double clr(long t) {
    return schedule.lr() / (1 + (double) (t - 1) * config.lrDecay());
  }

  static final class Float32 extends AdagradFamily {
    private final float[] params = new float[2];
    private final float[] sum = new float[2];
    private final float[] grad = new float[2];

    Float32(AdagradConfig config, LrSchedule schedule, double slope, double intercept) {
      super(config, schedule);
      params[0] = (float) slope;
      params[1] = (float) intercept;
      java.util.Arrays.fill(sum, (float) config.initialAccumulator());
    }

    @Override
    public void step(double gradSlope, double gradIntercept) {
      steps++;
      schedule.at(steps);
      float negativeClr = (float) -clr(steps);
      float eps = (float) config.epsilon();
      float decay = (float) config.weightDecay();
      grad[0] = (float) gradSlope;
      grad[1] = (float) gradIntercept;
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
      return params[1];
    }
  }

  static final class Float64 extends AdagradFamily {
    private final double[] params = new double[2];
    private final double[] sum = new double[2];
    private final double[] grad = new double[2];

    Float64(AdagradConfig config, LrSchedule schedule, double slope, double intercept) {
      super(config, schedule);
      params[0] = slope;
      params[1] = intercept;
      java.util.Arrays.fill(sum, config.initialAccumulator());
    }

    @Override
    public void step(double gradSlope, double gradIntercept) {
      steps++;
      schedule.at(steps);
      double negativeClr = -clr(steps);
      double eps = config.epsilon();
      double decay = config.weightDecay();
      grad[0] = gradSlope;
      grad[1] = gradIntercept;
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
      return params[1];
    }
  }
}
