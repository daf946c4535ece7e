package org.batchsweep.optim;

/** SGD's per-run state: the parameters and, with momentum, the momentum buffer. */
final class Sgd implements Optimizer {

  private final Precision precision;
  private final double lr;
  private final double momentum;
  private final double[] params = new double[2];
  private final double[] buffer = new double[2];
  private long steps;

  Sgd(SgdConfig config, Precision precision, double slope, double intercept) {
    this.precision = precision;
    this.lr = precision.round(config.lr());
    this.momentum = precision.round(config.momentum());
    this.params[0] = precision.round(slope);
    this.params[1] = precision.round(intercept);
  }

  @Override
  public void step(double gradSlope, double gradIntercept) {
    steps++;
    update(0, precision.round(gradSlope));
    update(1, precision.round(gradIntercept));
  }

  private void update(int i, double g) {
    Precision p = precision;
    double direction = g;
    if (momentum != 0) {
      buffer[i] = steps == 1 ? g : p.round(p.round(buffer[i] * momentum) + g);
      direction = buffer[i];
    }
    params[i] = p.round(params[i] - p.round(lr * direction));
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
