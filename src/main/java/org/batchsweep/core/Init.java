package org.batchsweep.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How a run's parameters start. A parameter given a value starts there; one left unset is drawn as
 * PyTorch's {@code nn.Linear(d, 1)} default does: each weight (Kaiming-uniform with a = √5) and the
 * bias from U(−1/√d, 1/√d), which for one input is U(−1, 1). The draw depends only on the run's
 * seed and d, so runs that differ in anything else start from the same point.
 *
 * <p>{@code weights} is null when every weight is drawn; otherwise it holds one value per feature
 * (for d = 1 a null element leaves the slope to the draw, as {@code {intercept: I}} does).
 */
public record Init(List<Double> weights, Double intercept) implements Serializable {

  public static final Init KAIMING = new Init((List<Double>) null, null);

  /** One feature: the slope and intercept, either left to the draw when null. */
  public Init(Double slope, Double intercept) {
    this(slope == null ? null : List.of(slope), intercept);
  }

  public Init {
    weights = weights == null ? null : Collections.unmodifiableList(new ArrayList<>(weights));
  }

  /** Given weights (one per feature) and bias, the bias left to the draw when null. */
  public static Init of(double[] weights, Double intercept) {
    List<Double> values = new ArrayList<>(weights.length);
    for (double w : weights) {
      values.add(w);
    }
    return new Init(values, intercept);
  }

  public boolean isKaiming() {
    return weights == null && intercept == null;
  }

  /** The number of weights this init gives, or 0 when it leaves them to the draw. */
  public int givenWeights() {
    return weights == null ? 0 : weights.size();
  }

  /** The initial {slope, intercept} for a one-feature run with this seed. */
  public double[] draw(long seed) {
    return draw(seed, 1);
  }

  /** The initial parameters for a run on {@code d} features: d weights, then the bias. */
  public double[] draw(long seed, int d) {
    if (weights != null && weights.size() != d) {
      throw new IllegalArgumentException(
          "the init gives " + weights.size() + " weights for data with " + d + " features");
    }
    SplittableRandom random = Seeds.random(seed, Seeds.INIT);
    double bound = d == 1 ? 1.0 : 1.0 / Math.sqrt(d);
    double[] params = new double[d + 1];
    for (int j = 0; j <= d; j++) {
      // Every parameter is drawn, given or not, so a given one leaves the others' draws alone.
      double drawn = random.nextDouble(-bound, bound);
      Double given = j < d ? (weights == null ? null : weights.get(j)) : intercept;
      params[j] = given != null ? given : drawn;
    }
    return params;
  }

  /**
   * The spec spelling: {@code kaiming}, {@code {slope: S, intercept: I}} for one weight, {@code
   * {weights: [..], intercept: I}} for several.
   */
  public String describe() {
    if (isKaiming()) {
      return "kaiming";
    }
    String bias = intercept == null ? "kaiming" : String.valueOf(intercept);
    if (weights == null || weights.size() == 1) {
      Double slope = weights == null ? null : weights.get(0);
      return "{slope: " + (slope == null ? "kaiming" : slope) + ", intercept: " + bias + "}";
    }
    return "{weights: " + weights + ", intercept: " + bias + "}";
  }
}
