package org.batchsweep.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.batchsweep.core.EpochRecord;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Optimizer;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.optim.AdamConfig;
import org.batchsweep.optim.SgdConfig;
import org.junit.jupiter.api.Test;

/**
 * steps_to_target, as both trainers count it, against the parameters recorded after every step: the
 * first step from which the run stays inside the target box to the end.
 */
class StepsToTargetTest {

  private static final int N = 60;

  private static Points line() {
    double[] x = new double[N];
    double[] y = new double[N];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < N; i++) {
      x[i] = i / (double) (N - 1);
      y[i] = -4 * x[i] + 0.05 * random.nextGaussian();
    }
    return new Points(x, y);
  }

  private static Target target(Points p, double tol) {
    double slope = p.covXY() / p.varX();
    return new Target(slope, p.meanY() - slope * p.meanX(), tol, tol);
  }

  /** The expected count from a trajectory (index = steps taken, 0 = the start). */
  private static long expected(List<double[]> trajectory, Target target) {
    long from = RunOutcome.NOT_REACHED;
    for (int t = trajectory.size() - 1; t >= 0; t--) {
      if (!target.contains(trajectory.get(t)[0], trajectory.get(t)[1])) {
        break;
      }
      from = t;
    }
    return from;
  }

  /** Whether the trajectory entered the target and left it again: the case "stayed" is about. */
  private static boolean leavesAfterEntering(List<double[]> trajectory, Target target) {
    boolean entered = false;
    for (double[] p : trajectory) {
      boolean inside = target.contains(p[0], p[1]);
      if (entered && !inside) {
        return true;
      }
      entered |= inside;
    }
    return false;
  }

  private static RunConfig run(OptimizerConfig optimizer, int batchSize, int epochs) {
    return new RunConfig(
        "r",
        optimizer,
        Loss.MSE,
        batchSize,
        false,
        epochs,
        3,
        Precision.FLOAT64,
        new Init(0.5, 0.5));
  }

  @Test
  void fullBatchRunsCountFromTheirEpochRecordsWhichAreOneStepEach() {
    Points p = line();
    TrainingSet data = new TrainingSet(p, null);
    Target target = target(p, 0.05);
    int reentering = 0;
    int reached = 0;
    for (OptimizerConfig optimizer :
        List.of(
            AdamConfig.withDefaults(0.05),
            AdamConfig.withDefaults(0.2),
            AdamConfig.withDefaults(0.01),
            new SgdConfig(0.5, 0.0),
            new SgdConfig(0.7, 0.9),
            new SgdConfig(0.05, 0.0))) {
      RunConfig config = run(optimizer, N, 400);
      RunOutcome fast = FastTrainer.train(data, List.of(config), true, target).get(0);
      RunOutcome slow = PerSampleTrainer.train(data, config, true, target);
      List<double[]> trajectory = new ArrayList<>();
      for (EpochRecord e : slow.trajectory().epochs()) {
        trajectory.add(new double[] {e.slope(), e.intercept()});
      }
      long want = expected(trajectory, target);
      assertThat(slow.stepsToTarget()).as("per-sample, %s", optimizer).isEqualTo(want);
      assertThat(fast.stepsToTarget()).as("fast, %s", optimizer).isEqualTo(want);
      reentering += leavesAfterEntering(trajectory, target) ? 1 : 0;
      reached += want == RunOutcome.NOT_REACHED ? 0 : 1;
    }
    // The cases cover runs that enter, leave and come back, runs that never end inside, and the
    // rest.
    assertThat(reentering).isPositive();
    assertThat(reached).isBetween(1, 5);
  }

  /**
   * Mini-batches in fixed order, in float64: the test steps the optimizer itself with the
   * per-sample gradient (same operations, same order as the per-sample trainer) and records every
   * step.
   */
  @Test
  void miniBatchRunsCountFromATrajectoryRecordedEveryStep() {
    Points p = line();
    TrainingSet data = new TrainingSet(p, null);
    Target target = target(p, 0.05);
    int reentering = 0;
    for (OptimizerConfig optimizer :
        List.of(AdamConfig.withDefaults(0.03), new SgdConfig(0.3, 0.0), new SgdConfig(0.9, 0.0))) {
      for (int batchSize : new int[] {1, 7, 25}) {
        RunConfig config = run(optimizer, batchSize, 60);
        List<double[]> trajectory = recordEveryStep(p, config);
        long want = expected(trajectory, target);
        RunOutcome slow = PerSampleTrainer.train(data, config, false, target);
        assertThat(Double.valueOf(slow.slope()))
            .isEqualTo(Double.valueOf(trajectory.get(trajectory.size() - 1)[0]));
        assertThat(slow.stepsToTarget()).as("%s B %d", optimizer, batchSize).isEqualTo(want);
        assertThat(FastTrainer.train(data, List.of(config), false, target).get(0).stepsToTarget())
            .as("fast %s B %d", optimizer, batchSize)
            .isEqualTo(want);
        reentering += leavesAfterEntering(trajectory, target) ? 1 : 0;
      }
    }
    assertThat(reentering).isPositive();
  }

  @Test
  void withoutATargetNoRunHasACount() {
    Points p = line();
    RunConfig config = run(new SgdConfig(0.5, 0.0), N, 400);
    RunOutcome outcome = FastTrainer.train(new TrainingSet(p, null), List.of(config), false).get(0);
    assertThat(target(p, 0.05).contains(outcome.slope(), outcome.intercept())).isTrue();
    assertThat(outcome.stepsToTarget()).isEqualTo(RunOutcome.NOT_REACHED);
  }

  @Test
  void aRunThatStartsInsideAndStaysCountsZero() {
    Points p = line();
    Target target = target(p, 0.05);
    RunConfig config =
        new RunConfig(
            "r",
            new SgdConfig(0.01, 0.0),
            Loss.MSE,
            10,
            false,
            3,
            0,
            Precision.FLOAT64,
            new Init(target.slope() + 0.01, target.intercept() - 0.01));
    assertThat(
            PerSampleTrainer.train(new TrainingSet(p, null), config, false, target).stepsToTarget())
        .isZero();
  }

  private static List<double[]> recordEveryStep(Points p, RunConfig config) {
    Optimizer optimizer = config.optimizer().start(Precision.FLOAT64, 0.5, 0.5);
    List<double[]> trajectory = new ArrayList<>();
    trajectory.add(new double[] {optimizer.slope(), optimizer.intercept()});
    for (int epoch = 0; epoch < config.epochs(); epoch++) {
      for (int from = 0; from < N; from += config.batchSize()) {
        int to = Math.min(N, from + config.batchSize());
        double scale = 2.0 / (to - from);
        double gw = 0;
        double gb = 0;
        for (int i = from; i < to; i++) {
          double residual = (optimizer.slope() * p.x()[i] + optimizer.intercept()) - p.y()[i];
          double g = residual * scale;
          gw = gw + g * p.x()[i];
          gb = gb + g;
        }
        optimizer.step(gw, gb);
        trajectory.add(new double[] {optimizer.slope(), optimizer.intercept()});
      }
    }
    return trajectory;
  }
}
