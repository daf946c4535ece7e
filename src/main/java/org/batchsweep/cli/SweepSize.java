package org.batchsweep.cli;

import org.batchsweep.core.Points;
import org.batchsweep.core.RunConfig;
import org.batchsweep.job.SweepPlan;

/**
 * How much work a sweep asks of the JVM, in the measures that decide whether C1-only compilation,
 * and Spark interpreting expressions, pay (see {@link QuickCompilation}).
 *
 * @param runs runs in the grid: rows of the runs table and of every aggregate over it
 * @param steps optimizer steps the runs take between them
 * @param epochRows rows of the epochs table (0 when epochs are not recorded)
 * @param trainingValues training points times features: what generating, writing and fitting the
 *     MLlib reference costs
 */
record SweepSize(long runs, long steps, long epochRows, long trainingValues) {

  // Each limit sits at or under a size measured to gain with C1 only, and well under one measured
  // to lose (README, Interactive speed: seed-shaped and large-shaped sweeps, paired on 2 cores).
  static final long MAX_RUNS = 200_000; // gained at 120,000 runs; lost at 1,020,000
  static final long MAX_STEPS = 100_000_000L; // 9.7·10^7 trained as fast; 8.2·10^8 took 1.5×
  static final long MAX_EPOCH_ROWS = 2_000_000; // gained at 2·10^6; lost at 6·10^6
  static final long MAX_TRAINING_VALUES = 100_000; // gained at n = 10^5; lost at n = 10^6

  // Interpreting expressions pays off at fewer runs: each query after training reads every run.
  // Seed-shaped, 20,000 runs: 25.04 and 24.12 s against 25.48 and 24.88 s; large-shaped, 60,000
  // runs: 18.60 and 19.00 s against 19.06 and 17.85 s; 120,000: 22.92 and 23.00 against 22.84 and
  // 21.66 s. report on a stored sweep of 20,000 runs took as long either way (README, Interactive
  // speed).
  static final long MAX_RUNS_INTERPRETED = 20_000;

  static SweepSize of(SweepPlan plan) {
    Points train = plan.data().train();
    int n = train.size();
    long steps = 0;
    long epochs = 0;
    for (RunConfig run : plan.runs()) {
      steps += run.plannedSteps(n);
      epochs += run.epochs();
    }
    return new SweepSize(
        plan.runs().size(),
        steps,
        plan.spec().train().recordEpochs() ? epochs : 0,
        (long) n * train.features());
  }

  /**
   * Whether a grid of this many runs can be small at all, so a caller need not expand a large grid
   * to find out that it is not.
   */
  static boolean mayBeSmall(long runs) {
    return runs <= MAX_RUNS;
  }

  /**
   * Whether the queries that follow training read few enough runs that Spark interpreting their
   * expressions is faster than compiling them (see {@link
   * QuickCompilation#interpretExpressionsIf}).
   */
  boolean fewRuns() {
    return small() && fewRuns(runs);
  }

  /**
   * Whether a stored sweep of this many runs is read by few enough rows per query to interpret
   * expressions ({@code explain} and {@code report}, which read its tables but train nothing); an
   * unknown count (null) is not few.
   */
  static boolean fewRuns(Long runs) {
    return runs != null && runs <= MAX_RUNS_INTERPRETED;
  }

  /** Whether each measure is within what C1-only compilation was measured to speed up. */
  boolean small() {
    return mayBeSmall(runs)
        && steps <= MAX_STEPS
        && epochRows <= MAX_EPOCH_ROWS
        && trainingValues <= MAX_TRAINING_VALUES;
  }
}
