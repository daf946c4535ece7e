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

  RmspropFamily(RmspropConfig config, LrSchedule schedule) {
    this.config = config;
    this.schedule = schedule;
  }

  static RmspropFamily start(
      RmspropConfig config,
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

  final double momentumNow() {
    return schedule.cyclesMomentum() ? schedule.momentum() : config.momentum();
  }

  static final class Float32 extends RmspropFamily {
    private final float[] params = new float[2];
    private final float[] square = new float[2];
    private final float[] mean = new float[2];
    private final float[] buffer = new float[2];
    private final float[] grad = new float[2];

    Float32(RmspropConfig config, LrSchedule schedule, double slope, double intercept) {
      super(config, schedule);
      params[0] = (float) slope;
      params[1] = (float) intercept;
    }

    @Override
    public void step(double gradSlope, double gradIntercept) {
      steps++;
      schedule.at(steps);
      double momentum = momentumNow();
      float mu = (float) momentum;
      float alpha = (float) config.alpha();
      float oneMinusAlpha = (float) (1 - config.alpha());
      float eps = (float) config.epsilon();
      float decay = (float) config.weightDecay();
      float negativeLr = (float) -schedule.lr();
      grad[0] = (float) gradSlope;
      grad[1] = (float) gradIntercept;
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
      return params[1];
    }
  }

  static final class Float64 extends RmspropFamily {
    private final double[] params = new double[2];
    private final double[] square = new double[2];
    private final double[] mean = new double[2];
    private final double[] buffer = new double[2];
    private final double[] grad = new double[2];

    Float64(RmspropConfig config, LrSchedule schedule, double slope, double intercept) {
      super(config, schedule);
      params[0] = slope;
      params[1] = intercept;
    }

    @Override
    public void step(double gradSlope, double gradIntercept) {
      steps++;
      schedule.at(steps);
      double mu = momentumNow();
      double alpha = config.alpha();
      double oneMinusAlpha = 1 - alpha;
      double eps = config.epsilon();
      double decay = config.weightDecay();
      double negativeLr = -schedule.lr();
      grad[0] = gradSlope;
      grad[1] = gradIntercept;
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
      return params[1];
    }
  }
}
