package org.batchsweep.optim;

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
 */
final class Adam implements Optimizer {

  private final Precision precision;
  private final AdamConfig config;
  // The hyperparameters as the tensor operations see them: rounded to the run's precision.
  private final double beta1;
  private final double beta2;
  private final double oneMinusBeta1;
  private final double oneMinusBeta2;
  private final double epsilon;
  private final BiasCorrections corrections;
  /** The step size once {@code 1 − β1^t} has reached exactly 1: {@code −lr}, rounded. */
  private final double negativeLr;

  private final double[] params = new double[2];
  private final double[] firstMoment = new double[2];
  private final double[] secondMoment = new double[2];
  private long steps;

  Adam(AdamConfig config, Precision precision, double slope, double intercept) {
    this.precision = precision;
    this.config = config;
    this.beta1 = precision.round(config.beta1());
    this.beta2 = precision.round(config.beta2());
    this.oneMinusBeta1 = precision.round(1.0 - config.beta1());
    this.oneMinusBeta2 = precision.round(1.0 - config.beta2());
    this.epsilon = precision.round(config.epsilon());
    this.corrections = BiasCorrections.of(config.beta1(), config.beta2());
    this.negativeLr = precision.round(-config.lr());
    this.params[0] = precision.round(slope);
    this.params[1] = precision.round(intercept);
  }

  @Override
  public void step(double gradSlope, double gradIntercept) {
    steps++;
    double biasCorrection1 = corrections.correction1(steps);
    // −lr / 1.0 is −lr exactly: past ~355 steps the division can be skipped.
    double negativeStepSize =
        biasCorrection1 == 1.0 ? negativeLr : precision.round(-config.lr() / biasCorrection1);
    double correction2 = precision.round(corrections.correction2Sqrt(steps));
    update(0, precision.round(gradSlope), negativeStepSize, correction2);
    update(1, precision.round(gradIntercept), negativeStepSize, correction2);
  }

  private void update(int i, double g, double negativeStepSize, double correction2) {
    Precision p = precision;
    firstMoment[i] = p.round(p.round(firstMoment[i] * beta1) + p.round(oneMinusBeta1 * g));
    secondMoment[i] =
        p.round(p.round(secondMoment[i] * beta2) + p.round(p.round(oneMinusBeta2 * g) * g));
    double denominator =
        p.round(p.round(p.round(Math.sqrt(secondMoment[i])) / correction2) + epsilon);
    params[i] =
        p.round(params[i] + p.round(p.round(negativeStepSize * firstMoment[i]) / denominator));
  }

  @Override
  public double slope() {
    return params[0];
  }

  @Override
  public double intercept() {
    return params[1];
  }

  @Override
  public long steps() {
    return steps;
  }
}
