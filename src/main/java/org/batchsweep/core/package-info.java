/**
 * The value types every layer shares: the points ({@code Points}, {@code TrainingSet}), a batch's
 * sums ({@code BatchSums}), the losses ({@code Loss}), precision, seeds, initialisation, the epoch
 * order, one run's configuration ({@code RunConfig}, {@code OptimizerConfig}) and outcome ({@code
 * RunOutcome}, {@code Trajectory}), the learning-rate schedules and batch-size lr scaling a run
 * follows ({@code Schedule}, {@code LrSchedule}, {@code LrScaling}), the reference line and the
 * convergence tolerances.
 *
 * <p>This package depends on no other package of batchsweep, and every package may use it; that is
 * what keeps the package graph free of cycles ({@code PackageCyclesTest} checks it).
 */
package org.batchsweep.core;
