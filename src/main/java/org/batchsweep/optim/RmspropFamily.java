package org.batchsweep.optim;

import org.batchsweep.core.LrSchedule;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.Precision;

/**
 * RMSprop's per-run state and update, operation for operation as PyTorch 1.13's single-tensor
 * {@code rmsprop}:
 *
 * <pre>
 *   g = g + λ·θ                                    (weight decay)
 *   v = α·v + (1−α)·g·g
 *   centered: ḡ = α·ḡ + (1−α)·g;  a = sqrt(v − ḡ·ḡ) + ε,  else a = sqrt(v) + ε
 *   μ &gt; 0:  buf = μ·buf + g/a;  θ = θ + (−lr)·buf   (buf starts at 0)
 *   μ = 0:  θ = θ + (−lr)·g/a
 * </pre>
 *
 * Under OneCycleLR μ is the cycled momentum (PyTorch's OneCycleLR overrides RMSprop's momentum).
 * Parameters are arrays (index 0 the slope, 1 the intercept).
 */
abstract sealed class RmspropFamily implements Optimizer
    permits RmspropFamily.Float32, RmspropFamily.Float64 {

  final RmspropConfig config;
  final LrSchedule schedule;
  long steps;

  /** The gradient of a one-feature step, reused so the step allocates nothing. */
  private final double[] pair = new double[2];

  RmspropFamily(RmspropConfig config, LrSchedule schedule) {
    this.config = config;
    this.schedule = schedule;
  }

  static RmspropFamily start(
      RmspropConfig config, Precision precision, double[] init, LrSchedule schedule) {
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

  final double momentumNow() {
    return schedule.cyclesMomentum() ? schedule.momentum() : config.momentum();
  }

  static final class Float32 extends RmspropFamily {
    private final float[] params;
    private final float[] square;
    private final float[] mean;
    private final float[] buffer;
    private final float[] grad;

    Float32(RmspropConfig config, LrSchedule schedule, double[] init) {
      super(config, schedule);
      params = new float[init.length];
      square = new float[init.length];
      mean = new float[init.length];
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
      float alpha = (float) config.alpha();
      float oneMinusAlpha = (float) (1 - config.alpha());
      float eps = (float) config.epsilon();
      float decay = (float) config.weightDecay();
      float negativeLr = (float) -schedule.lr();
      for (int j = 0; j < gradient.length; j++) {
        grad[j] = (float) gradient[j];
      }
      for (int j = 0; j < params.length; j++) {
        float g = grad[j];
        if (config.weightDecay() != 0) {
          g = g + decay * params[j];
        }
        square[j] = square[j] * alpha + oneMinusAlpha * g * g;
        float avg;
        if (config.centered()) {
          mean[j] = mean[j] * alpha + oneMinusAlpha * g;
          avg = (float) Math.sqrt(square[j] + -1f * mean[j] * mean[j]);
        } else {
          avg = (float) Math.sqrt(square[j]);
        }
        avg = avg + eps;
        if (momentum > 0) {
          buffer[j] = buffer[j] * mu + g / avg;
          params[j] = params[j] + negativeLr * buffer[j];
        } else {
          params[j] = params[j] + negativeLr * g / avg;
        }
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

  static final class Float64 extends RmspropFamily {
    private final double[] params;
    private final double[] square;
    private final double[] mean;
    private final double[] buffer;
    private final double[] grad;

    Float64(RmspropConfig config, LrSchedule schedule, double[] init) {
      super(config, schedule);
      params = new double[init.length];
      square = new double[init.length];
      mean = new double[init.length];
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
      double alpha = config.alpha();
      double oneMinusAlpha = 1 - alpha;
      double eps = config.epsilon();
      double decay = config.weightDecay();
      double negativeLr = -schedule.lr();
      for (int j = 0; j < gradient.length; j++) {
        grad[j] = gradient[j];
      }
      for (int j = 0; j < params.length; j++) {
        double g = grad[j];
        if (decay != 0) {
          g = g + decay * params[j];
        }
        square[j] = square[j] * alpha + oneMinusAlpha * g * g;
        double avg;
        if (config.centered()) {
          mean[j] = mean[j] * alpha + oneMinusAlpha * g;
          avg = Math.sqrt(square[j] + -1.0 * mean[j] * mean[j]);
        } else {
          avg = Math.sqrt(square[j]);
        }
        avg = avg + eps;
        if (mu > 0) {
          buffer[j] = buffer[j] * mu + g / avg;
          params[j] = params[j] + negativeLr * buffer[j];
        } else {
          params[j] = params[j] + negativeLr * g / avg;
        }
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
