package org.batchsweep.optim;

import org.batchsweep.core.LrSchedule;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.Precision;

/**
 * Adam and AdamW with every option (weight decay, AMSGrad, a learning-rate schedule, OneCycleLR's
 * cycled β1), operation for operation as PyTorch 1.13's single-tensor {@code adam}/{@code adamw}:
 *
 * <pre>
 *   AdamW:  θ = θ·(1 − lr·λ)                       (decoupled decay, first)
 *   Adam:   g = g + λ·θ                            (coupled decay)
 *   m = β1·m + (1−β1)·g
 *   v = β2·v + (1−β2)·g·g
 *   AMSGrad: v_max = max(v_max, v), used for v below
 *   θ = θ + (−lr/(1−β1^t))·m / (sqrt(v)/sqrt(1−β2^t) + ε)
 * </pre>
 *
 * Scalars ({@code lr}, {@code 1 − lr·λ}, the bias corrections) are computed in double as Python
 * computes them and cast to the parameters' precision. Parameters are arrays, index 0 the slope and
 * 1 the intercept, so the update is the same loop for any number of weights. Plain Adam at a
 * constant lr uses the faster {@link Adam}, with identical results.
 */
abstract sealed class AdamFamily implements Optimizer
    permits AdamFamily.Float32, AdamFamily.Float64 {

  /** What the update needs of an {@link AdamConfig} or {@link AdamWConfig}. */
  record Settings(
      double beta1,
      double beta2,
      double epsilon,
      double weightDecay,
      boolean decoupled,
      boolean amsgrad) {}

  final Settings settings;
  final LrSchedule schedule;
  final BiasCorrections corrections;
  long steps;

  AdamFamily(Settings settings, LrSchedule schedule) {
    this.settings = settings;
    this.schedule = schedule;
    this.corrections = BiasCorrections.of(settings.beta1(), settings.beta2());
  }

  static AdamFamily start(
      Settings settings, Precision precision, double slope, double intercept, LrSchedule schedule) {
    return precision == Precision.FLOAT32
        ? new Float32(settings, schedule, slope, intercept)
        : new Float64(settings, schedule, slope, intercept);
  }

  @Override
  public final long steps() {
    return steps;
  }

  /** β1 of the current step: OneCycleLR's, or the configured one. */
  final double beta1() {
    return schedule.cyclesMomentum() ? schedule.momentum() : settings.beta1();
  }

  /** {@code 1 − β1^t}, from the shared table when β1 is not cycled. */
  final double correction1(double beta1, long t) {
    return schedule.cyclesMomentum() ? 1 - Math.pow(beta1, (double) t) : corrections.correction1(t);
  }

  static final class Float32 extends AdamFamily {
    private final float[] params = new float[2];
    private final float[] m = new float[2];
    private final float[] v = new float[2];
    private final float[] vMax = new float[2];
    private final float[] grad = new float[2];

    Float32(Settings settings, LrSchedule schedule, double slope, double intercept) {
      super(settings, schedule);
      params[0] = (float) slope;
      params[1] = (float) intercept;
    }

    @Override
    public void step(double gradSlope, double gradIntercept) {
      long t = ++steps;
      schedule.at(t);
      double lr = schedule.lr();
      double beta1 = beta1();
      double beta2 = settings.beta2();
      float decay = (float) settings.weightDecay();
      float keep = (float) (1 - lr * settings.weightDecay());
      float b1 = (float) beta1;
      float oneMinusB1 = (float) (1 - beta1);
      float b2 = (float) beta2;
      float oneMinusB2 = (float) (1 - beta2);
      float negativeStepSize = (float) -(lr / correction1(beta1, t));
      float correction2 = (float) corrections.correction2Sqrt(t);
      float eps = (float) settings.epsilon();
      grad[0] = (float) gradSlope;
      grad[1] = (float) gradIntercept;
      for (int j = 0; j < params.length; j++) {
        float g = grad[j];
        if (settings.decoupled()) {
          if (settings.weightDecay() != 0) {
            params[j] = params[j] * keep;
          }
        } else if (settings.weightDecay() != 0) {
          g = g + decay * params[j];
        }
        m[j] = m[j] * b1 + oneMinusB1 * g;
        v[j] = v[j] * b2 + oneMinusB2 * g * g;
        float second = v[j];
        if (settings.amsgrad()) {
          vMax[j] = Math.max(vMax[j], v[j]);
          second = vMax[j];
        }
        float denominator = (float) Math.sqrt(second) / correction2 + eps;
        params[j] = params[j] + negativeStepSize * m[j] / denominator;
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

  static final class Float64 extends AdamFamily {
    private final double[] params = new double[2];
    private final double[] m = new double[2];
    private final double[] v = new double[2];
    private final double[] vMax = new double[2];
    private final double[] grad = new double[2];

    Float64(Settings settings, LrSchedule schedule, double slope, double intercept) {
      super(settings, schedule);
      params[0] = slope;
      params[1] = intercept;
    }

    @Override
    public void step(double gradSlope, double gradIntercept) {
      long t = ++steps;
      schedule.at(t);
      double lr = schedule.lr();
      double beta1 = beta1();
      double beta2 = settings.beta2();
      double decay = settings.weightDecay();
      double keep = 1 - lr * decay;
      double negativeStepSize = -(lr / correction1(beta1, t));
      double correction2 = corrections.correction2Sqrt(t);
      double eps = settings.epsilon();
      grad[0] = gradSlope;
      grad[1] = gradIntercept;
      for (int j = 0; j < params.length; j++) {
        double g = grad[j];
        if (settings.decoupled()) {
          if (decay != 0) {
            params[j] = params[j] * keep;
          }
        } else if (decay != 0) {
          g = g + decay * params[j];
        }
        m[j] = m[j] * beta1 + (1 - beta1) * g;
        v[j] = v[j] * beta2 + (1 - beta2) * g * g;
        double second = v[j];
        if (settings.amsgrad()) {
          vMax[j] = Math.max(vMax[j], v[j]);
          second = vMax[j];
        }
        double denominator = Math.sqrt(second) / correction2 + eps;
        params[j] = params[j] + negativeStepSize * m[j] / denominator;
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
