package org.batchsweep.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The training points, the optional validation points, and the training points as each precision
 * and each {@link Scale} sees them (computed once per executor, not once per run).
 */
public final class TrainingSet implements Serializable {

  private final Points train;
  private final Points validation;
  private final Standardization standardization;
  private final List<String> featureNames;
  private transient Map<Precision, Points> views;
  private transient TrainingSet standardized;

  public TrainingSet(Points train, Points validation) {
    this(train, validation, null, null);
  }

  /** With the features' names (for the words of a diagnosis); null names them x1..xd. */
  public TrainingSet(Points train, Points validation, List<String> featureNames) {
    this(train, validation, null, featureNames);
  }

  private TrainingSet(
      Points train, Points validation, Standardization standardization, List<String> featureNames) {
    this.train = train;
    this.validation = validation;
    this.standardization = standardization;
    this.featureNames =
        featureNames == null ? defaultFeatureNames(train.features()) : List.copyOf(featureNames);
  }

  /** The names features go by when their table gives none: x for one, x1..xd for several. */
  public static List<String> defaultFeatureNames(int d) {
    if (d == 1) {
      return List.of("x");
    }
    List<String> names = new ArrayList<>(d);
    for (int j = 1; j <= d; j++) {
      names.add("x" + j);
    }
    return names;
  }

  /** The features' names, one per feature. */
  public List<String> featureNames() {
    return featureNames;
  }

  /**
   * The points as runs with {@code scale} see them: these, or both splits standardized with the
   * training split's means and standard deviations (computed once).
   */
  public synchronized TrainingSet scaled(Scale scale) {
    if (scale == Scale.NONE || standardization != null) {
      return this;
    }
    if (standardized == null) {
      Standardization s = Standardization.of(train);
      standardized =
          new TrainingSet(
              s.apply(train), validation == null ? null : s.apply(validation), s, featureNames);
    }
    return standardized;
  }

  /** How these points were standardized, or null when they are the data as given. */
  public Standardization standardization() {
    return standardization;
  }

  public Points train() {
    return train;
  }

  /** The validation points, or null when the spec has no validation split. */
  public Points validation() {
    return validation;
  }

  /** The training points rounded to {@code precision}, as the model's tensors would hold them. */
  public synchronized Points trainIn(Precision precision) {
    if (views == null) {
      views = new EnumMap<>(Precision.class);
    }
    return views.computeIfAbsent(precision, train::in);
  }
}
