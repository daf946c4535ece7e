package org.batchsweep.spec;

/**
 * Where the points come from. For {@code line}: n points with x evenly spaced on [xMin, xMax] and y
 * = slope·x + intercept + noise·N(0,1); for {@code csv} and {@code parquet}: a file with columns x
 * and y. {@code validationPath} is null unless given.
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
    String validationPath) {

  public enum DataKind {
    LINE,
    CSV,
    PARQUET;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
