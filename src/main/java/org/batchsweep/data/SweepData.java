package org.batchsweep.data;

import java.io.Serializable;
import org.batchsweep.core.Points;
import org.batchsweep.core.TrainingSet;

/** The points a sweep trains and validates on, and the fingerprint its run ids include. */
public record SweepData(Points train, Points validation, String fingerprint)
    implements Serializable {

  public static SweepData of(Points train, Points validation) {
    long h = train.fingerprint();
    String fingerprint =
        Long.toHexString(h)
            + (validation == null ? "" : "-" + Long.toHexString(validation.fingerprint()));
    return new SweepData(train, validation, fingerprint);
  }

  public TrainingSet trainingSet() {
    return new TrainingSet(train, validation);
  }
}
