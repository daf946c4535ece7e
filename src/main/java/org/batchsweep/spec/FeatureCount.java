package org.batchsweep.spec;

import java.util.List;
import org.batchsweep.BadInputException;
import org.batchsweep.core.Init;

/**
 * Checks what depends on the data's number of features d, once d is known: from {@code
 * data.weights} when the spec is read, from the file's columns when it is loaded (before any Spark
 * training). A given init must give exactly one weight per feature.
 */
public final class FeatureCount {

  private FeatureCount() {}

  /**
   * @param d the data's number of features
   * @param columns the feature columns of file data, named in the message, or null
   */
  public static void check(SweepSpec spec, int d, List<String> columns) {
    if (d > spec.data().maxFeatures()) {
      throw DataSpecReader.tooManyFeatures(
          columns == null ? "data.weights" : "data.features",
          d + " features" + named(columns),
          spec.data().maxFeatures());
    }
    Init init = spec.train().init();
    int given = init.givenWeights();
    if (given == 0 || given == d) {
      return;
    }
    throw new BadInputException(
        "train.init.weights: "
            + given
            + (given == 1 ? " weight (as train.init.slope or train.init.weights)" : " weights")
            + " for data with "
            + d
            + " feature(s)"
            + named(columns)
            + "; accepted: a list of "
            + d
            + " finite numbers, one per feature");
  }

  private static String named(List<String> columns) {
    if (columns == null) {
      return "";
    }
    List<String> shown = columns.size() <= 5 ? columns : columns.subList(0, 5);
    return " (" + String.join(", ", shown) + (columns.size() > 5 ? ", ..." : "") + ")";
  }
}
