package org.batchsweep.spec;

import java.util.List;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Scale;

/**
 * The sweep's axes; their cartesian product is the set of runs. {@code epochs} is empty unless the
 * spec makes it an axis, in which case it replaces {@code train.epochs}. {@code optim} holds the
 * optimizer axes and constants added with AdamW, RMSprop, Adagrad and the schedules; {@code scale}
 * how runs see the features (as they are, or standardized).
 */
public record GridSpec(
    List<Integer> batchSize,
    List<Boolean> shuffle,
    List<Loss> loss,
    List<String> optimizer,
    List<Double> lr,
    List<Double> momentum,
    List<Long> seed,
    List<Integer> epochs,
    OptimAxes optim,
    List<Scale> scale) {}
