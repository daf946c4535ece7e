package org.batchsweep.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.batchsweep.core.Points;
import org.batchsweep.core.TrainingSet;

/**
 * The points a sweep trains and validates on, the fingerprint its run ids include, and the names of
 * the features (a file's feature columns; {@code x} for a line, {@code x1 … xd} for linear data).
 */
public record SweepData(
    Points train, Points validation, String fingerprint, List<String> featureNames)
    implements Serializable {

  public SweepData {
    featureNames = List.copyOf(featureNames);
    if (featureNames.size() != train.features()) {
      throw new IllegalArgumentException(
          featureNames.size() + " feature names for " + train.features() + " features");
    }
  }

  /** Data with the default feature names. */
  public static SweepData of(Points train, Points validation) {
    return of(train, validation, defaultNames(train.features()));
  }

  public static SweepData of(Points train, Points validation, List<String> featureNames) {
    long h = train.fingerprint();
    String fingerprint =
        Long.toHexString(h)
            + (validation == null ? "" : "-" + Long.toHexString(validation.fingerprint()));
    return new SweepData(train, validation, fingerprint, featureNames);
  }

  /** {@code x} for one feature, {@code x1 … xd} for several. */
  public static List<String> defaultNames(int d) {
    if (d == 1) {
      return List.of(FileColumns.X);
    }
    List<String> names = new ArrayList<>(d);
    for (int j = 1; j <= d; j++) {
      names.add(FileColumns.X + j);
    }
    return names;
  }

  public TrainingSet trainingSet() {
    return new TrainingSet(train, validation, featureNames);
  }
}
