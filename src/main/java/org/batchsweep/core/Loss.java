package org.batchsweep.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The two training losses, as functions of a batch's {@link BatchSums} and the parameters.
 *
 * <p>{@link #MSE} is {@code 1/B Σ_j (w·x_j + b − y_j)²}. {@link #MSE_BROADCAST} is the loss of the
 * original question, where predictions of shape (B,1) meet targets of shape (B,1,1) and the mean
 * squared error broadcasts to every pair: {@code 1/B² Σ_i Σ_j (w·x_j + b − y_i)²}. Expanding the
 * double sum shows it equals {@code 1/B Σ_j (w·x_j + b − ȳ)²} plus the batch's target variance, so
 * its gradient is the MSE gradient with every target replaced by the batch mean ȳ — which is why it
 * cannot learn the slope from a batch that spans the x range.
 */
public enum Loss {
  MSE("mse") {
    @Override
    public double gradSlope(
        double twoOverCount,
        double count,
        double sumX,
        double sumY,
        double sumXX,
        double sumXY,
        double w,
        double b) {
      return twoOverCount * (w * sumXX + b * sumX - sumXY);
    }

    @Override
    public double value(BatchSums s, double w, double b) {
      double n = s.count();
      return (w * w * s.sumXX()
              + 2 * w * b * s.sumX()
              + n * b * b
              - 2 * w * s.sumXY()
              - 2 * b * s.sumY()
              + s.sumYY())
          / n;
    }
  },
  MSE_BROADCAST("mse-broadcast") {
    @Override
    public double gradSlope(
        double twoOverCount,
        double count,
        double sumX,
        double sumY,
        double sumXX,
        double sumXY,
        double w,
        double b) {
      return twoOverCount * (w * sumXX + b * sumX - sumX * (sumY / count));
    }

    @Override
    public double value(BatchSums s, double w, double b) {
      double n = s.count();
      double meanY = s.meanY();
      double toMean =
          (w * w * s.sumXX() + 2 * w * (b - meanY) * s.sumX() + n * (b - meanY) * (b - meanY)) / n;
      double targetVariance = Math.max(0.0, s.sumYY() / n - meanY * meanY);
      return toMean + targetVariance;
    }
  };

  private final String label;

  Loss(String label) {
    this.label = label;
  }

  /**
   * ∂L/∂w for a batch with the given sums (primitive, for the trainer's inner loop, which passes
   * {@code twoOverCount = 2.0 / count} computed once per batch size rather than once per step).
   */
  public abstract double gradSlope(
      double twoOverCount,
      double count,
      double sumX,
      double sumY,
      double sumXX,
      double sumXY,
      double w,
      double b);

  /** ∂L/∂b for the batch; the same for both losses, since Σ_j ȳ = Σ_j y_j. */
  public double gradIntercept(
      double twoOverCount, double count, double sumX, double sumY, double w, double b) {
    return twoOverCount * (w * sumX + count * b - sumY);
  }

  public double gradSlope(BatchSums s, double w, double b) {
    double count = s.count();
    return gradSlope(2.0 / count, count, s.sumX(), s.sumY(), s.sumXX(), s.sumXY(), w, b);
  }

  public double gradIntercept(BatchSums s, double w, double b) {
    double count = s.count();
    return gradIntercept(2.0 / count, count, s.sumX(), s.sumY(), w, b);
  }

  /** The loss of the batch. */
  public abstract double value(BatchSums sums, double w, double b);

  /**
   * The gradient of the loss on a batch with d features into {@code gradient}: the d weights', then
   * the bias's. {@code params} holds the weights, then the bias. For {@link #MSE} {@code ∂L/∂w =
   * 2/B (Σxxᵀ w + b Σx − Σxy)}; for {@link #MSE_BROADCAST} every target is the batch mean ȳ, so Σxy
   * becomes Σx·ȳ. The bias's is {@code 2/B (wᵀΣx + B b − Σy)} for both.
   */
  public void gradient(FeatureSums s, double[] params, double[] gradient) {
    int d = s.features();
    double count = s.count();
    double twoOverCount = 2.0 / count;
    double b = params[d];
    double meanY = s.sumY() / count;
    double wSumX = 0;
    for (int j = 0; j < d; j++) {
      double curvature = 0;
      for (int k = 0; k < d; k++) {
        curvature += s.sumXX(j, k) * params[k];
      }
      double towardTarget = this == MSE ? s.sumXY(j) : s.sumX(j) * meanY;
      gradient[j] = twoOverCount * (curvature + b * s.sumX(j) - towardTarget);
      wSumX += params[j] * s.sumX(j);
    }
    gradient[d] = twoOverCount * (wSumX + count * b - s.sumY());
  }

  /** The loss of a batch with d features ({@code params}: the weights, then the bias). */
  public double value(FeatureSums s, double[] params) {
    int d = s.features();
    double n = s.count();
    double b = params[d];
    double meanY = s.sumY() / n;
    double quadratic = 0;
    double wSumX = 0;
    double wSumXY = 0;
    for (int j = 0; j < d; j++) {
      double row = 0;
      for (int k = 0; k < d; k++) {
        row += s.sumXX(j, k) * params[k];
      }
      quadratic += params[j] * row;
      wSumX += params[j] * s.sumX(j);
      wSumXY += params[j] * s.sumXY(j);
    }
    if (this == MSE) {
      return (quadratic + 2 * b * wSumX + n * b * b - 2 * wSumXY - 2 * b * s.sumY() + s.sumYY())
          / n;
    }
    double shift = b - meanY;
    double toMean = (quadratic + 2 * shift * wSumX + n * shift * shift) / n;
    return toMean + Math.max(0.0, s.sumYY() / n - meanY * meanY);
  }

  /** The spec and table spelling: {@code mse} or {@code mse-broadcast}. */
  public String label() {
    return label;
  }

  public static Loss fromLabel(String label) {
    for (Loss loss : values()) {
      if (loss.label.equals(label)) {
        return loss;
      }
    }
    throw new IllegalArgumentException("unknown loss '" + label + "'; accepted: " + labels());
  }

  /** Whether {@code label} spells a loss. */
  public static boolean isLabel(String label) {
    return Arrays.stream(values()).anyMatch(loss -> loss.label.equals(label));
  }

  /** Every loss's label, for messages: {@code mse, mse-broadcast}. */
  public static String labels() {
    return Arrays.stream(values()).map(Loss::label).collect(Collectors.joining(", "));
  }
}
