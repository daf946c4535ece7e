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

  /** The gradient of a one-feature step, reused so the step allocates nothing. */
  private final double[] pair = new double[2];

  AdamFamily(Settings settings, LrSchedule schedule) {
    this.settings = settings;
    this.schedule = schedule;
    this.corrections = BiasCorrections.of(settings.beta1(), settings.beta2());
  }

  static AdamFamily start(
      Settings settings, Precision precision, double[] init, LrSchedule schedule) {
    return precision == Precision.FLOAT32
        ? new Float32(settings, schedule, init)
        : new Float64(settings, schedule, init);
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

  /** β1 of the current step: OneCycleLR's, or the configured one. */
  final double beta1() {
    return schedule.cyclesMomentum() ? schedule.momentum() : settings.beta1();
  }

  /** {@code 1 − β1^t}, from the shared table when β1 is not cycled. */
  final double correction1(double beta1, long t) {
    return schedule.cyclesMomentum() ? 1 - Math.pow(beta1, (double) t) : corrections.correction1(t);
  }

  static final class Float32 extends AdamFamily {
    private final float[] params;
    private final float[] m;
    private final float[] v;
    private final float[] vMax;
    private final float[] grad;

    Float32(Settings settings, LrSchedule schedule, double[] init) {
      super(settings, schedule);
      params = new float[init.length];
      m = new float[init.length];
      v = new float[init.length];
      vMax = new float[init.length];
      grad = new float[init.length];
      for (int j = 0; j < init.length; j++) {
        params[j] = (float) init[j];
      }
    }

    @Override
    public void step(double[] gradient) {
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
      for (int j = 0; j < gradient.length; j++) {
        grad[j] = (float) gradient[j];
      }
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

  static final class Float64 extends AdamFamily {
    private final double[] params;
    private final double[] m;
    private final double[] v;
    private final double[] vMax;
    private final double[] grad;

    Float64(Settings settings, LrSchedule schedule, double[] init) {
      super(settings, schedule);
      params = new double[init.length];
      m = new double[init.length];
      v = new double[init.length];
      vMax = new double[init.length];
      grad = new double[init.length];
      for (int j = 0; j < init.length; j++) {
        params[j] = init[j];
      }
    }

    @Override
    public void step(double[] gradient) {
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
      for (int j = 0; j < gradient.length; j++) {
        grad[j] = gradient[j];
      }
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
