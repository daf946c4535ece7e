package org.batchsweep.core;

import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;

/**
 * The training points, the optional validation points, and the training points as each precision
 * sees them (computed once per executor, not once per run).
 */
public final class TrainingSet implements Serializable {

  private final Points train;
  private final Points validation;
  private transient Map<Precision, Points> views;

  public TrainingSet(Points train, Points validation) {
    this.train = train;
    this.validation = validation;
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
