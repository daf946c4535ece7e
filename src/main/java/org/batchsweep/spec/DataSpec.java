package org.batchsweep.spec;

import java.util.List;

/**
 * Where the points come from. For {@code line}: n points with x evenly spaced on [xMin, xMax] and y
 * = slope·x + intercept + noise·N(0,1). For {@code linear}: n points with d = {@code
 * weights.size()} features, x_j ~ U(xMin, xMax)·featureScales[j], and y = weightsᵀx + intercept +
 * noise·N(0,1). For {@code csv} and {@code parquet}: a file whose {@code features} columns (null:
 * every column but the label) and {@code label} column are read. {@code validationPath} is null
 * unless given; {@code weights} and {@code featureScales} are null unless the kind is linear (the
 * scales then all 1 unless given). {@code maxFeatures} is {@code limits.max_features}.
 */
public record DataSpec(
    DataKind kind,
    double slope,
    double intercept,
    int n,
    double xMin,
    double xMax,
    double noise,
    long seed,
    String path,
    boolean freshValidation,
    String validationPath,
    List<Double> weights,
    List<Double> featureScales,
    List<String> features,
    String label,
    int maxFeatures) {

  /** The label column of a file when the spec names none, and the y column of x,y files. */
  public static final String DEFAULT_LABEL = "y";

  public DataSpec {
    weights = weights == null ? null : List.copyOf(weights);
    featureScales = featureScales == null ? null : List.copyOf(featureScales);
    features = features == null ? null : List.copyOf(features);
  }

  /** True for the synthetic kinds (line, linear), whose points are drawn, not read. */
  public boolean isGenerated() {
    return kind == DataKind.LINE || kind == DataKind.LINEAR;
  }

  public enum DataKind {
    LINE,
    LINEAR,
    CSV,
    PARQUET;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
