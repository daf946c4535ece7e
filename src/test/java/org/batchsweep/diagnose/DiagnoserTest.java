package org.batchsweep.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.core.Trajectory;
import org.batchsweep.data.LinePoints;
import org.batchsweep.optim.AdamConfig;
import org.batchsweep.optim.SgdConfig;
import org.batchsweep.spec.Grid;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.train.FastTrainer;
import org.junit.jupiter.api.Test;

/** Each diagnosis is reached by a crafted configuration, and not by its neighbours. */
class DiagnoserTest {

  private static final ConvergenceSpec TOLERANCE = new ConvergenceSpec(0.05, 0.05);

  private static Points line(String... overrides) {
    SweepSpec spec = SpecLoader.loadText("", "test", List.of(overrides));
    return LinePoints.generate(spec.data(), LinePoints.TRAIN_SPLIT);
  }

  private static Reference leastSquares(Points p) {
    double slope = p.covXY() / p.varX();
    double intercept = p.meanY() - slope * p.meanX();
    return new Reference("ols", slope, intercept, p.mse(slope, intercept), Double.NaN, 1);
  }

  private static Verdict train(
      Points p, OptimizerConfig optimizer, Loss loss, int batchSize, boolean shuffle, int epochs) {
    RunConfig run =
        new RunConfig(
            "r",
            optimizer,
            loss,
            batchSize,
            shuffle,
            epochs,
            0,
            Precision.FLOAT64,
            new Init(0.5, 0.5));
    RunOutcome outcome = FastTrainer.train(new TrainingSet(p, null), List.of(run), false).get(0);
    return new Diagnoser(leastSquares(p), TOLERANCE, p).diagnose(outcome);
  }

  @Test
  void smallBatchesWithTheRightLossConverge() {
    Verdict v = train(line(), AdamConfig.withDefaults(0.01), Loss.MSE, 10, true, 100);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.CONVERGED);
    assertThat(v.objectiveSlope())
        .isCloseTo(leastSquares(line()).slope(), org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void theBroadcastLossWithShufflingReachesItsOwnMinimiserWhichIsNotTheLine() {
    Verdict v = train(line(), AdamConfig.withDefaults(0.01), Loss.MSE_BROADCAST, 10, true, 100);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.WRONG_OBJECTIVE);
    assertThat(v.objectiveSlope()).isCloseTo(-0.40, org.assertj.core.api.Assertions.within(0.01));
    assertThat(v.detail())
        .contains("its minimiser is slope -0.40, intercept -1.80")
        .contains("use loss mse");
    // The same loss without shuffling, with small batches, is close to the line.
    assertThat(
            train(line(), AdamConfig.withDefaults(0.01), Loss.MSE_BROADCAST, 10, false, 100)
                .diagnosis())
        .isEqualTo(Diagnosis.CONVERGED);
  }

  @Test
  void aFullBatchAdamRunRunsOutOfStepsAndTheDetailNamesTheFix() {
    Verdict v = train(line(), AdamConfig.withDefaults(0.01), Loss.MSE, 1000, false, 100);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.STEP_BUDGET);
    assertThat(v.stepsNeeded()).isGreaterThan(100).isGreaterThanOrEqualTo(4.5 / 0.01 * 0.9);
    assertThat(v.detail())
        .contains("100 steps taken")
        .contains("at least")
        .contains("epochs")
        .contains("lower bound");
    // The estimate is a lower bound: with fewer steps than it names the run still falls short,
    // and with enough more the same run converges.
    int fewer = (int) Math.floor(v.stepsNeeded() * 0.9);
    assertThat(
            train(line(), AdamConfig.withDefaults(0.01), Loss.MSE, 1000, false, fewer).diagnosis())
        .isEqualTo(Diagnosis.STEP_BUDGET);
    assertThat(
            train(line(), AdamConfig.withDefaults(0.01), Loss.MSE, 1000, false, 3000).diagnosis())
        .isEqualTo(Diagnosis.CONVERGED);
  }

  @Test
  void sgdJustAboveTheStabilityLimitDivergesAndJustBelowItDoesNot() {
    Points p = line();
    double limit = Curvature.of(p).stabilityLimit(0);
    Verdict above = train(p, new SgdConfig(limit * 1.05, 0), Loss.MSE, 1000, false, 300);
    assertThat(above.diagnosis()).isEqualTo(Diagnosis.DIVERGED);
    assertThat(above.detail()).contains("above SGD's stability limit");
    Verdict below = train(p, new SgdConfig(limit * 0.95, 0), Loss.MSE, 1000, false, 300);
    assertThat(below.diagnosis()).isNotEqualTo(Diagnosis.DIVERGED);
  }

  @Test
  void slowSgdIsAStepBudgetProblemWithStepsNeededFromTheCurvature() {
    Points p = line();
    Verdict v = train(p, new SgdConfig(0.05, 0), Loss.MSE, 1000, false, 100);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.STEP_BUDGET);
    double rate = Curvature.of(p).sgdRate(0.05, 0);
    assertThat(v.stepsNeeded()).isGreaterThan(100).isLessThan(20 / rate);
  }

  @Test
  void aLargeLearningRateOnSingleSamplesWandersAtTheNoiseFloor() {
    Points noisy = line("data.noise=1.0");
    Verdict v = train(noisy, AdamConfig.withDefaults(0.05), Loss.MSE, 1, true, 30);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.NOISE_FLOOR);
    assertThat(v.detail()).contains("spread");
    // A hundred times smaller steps settle within tolerance.
    assertThat(train(noisy, AdamConfig.withDefaults(0.0005), Loss.MSE, 1, true, 30).diagnosis())
        .isNotEqualTo(Diagnosis.NOISE_FLOOR);
  }

  @Test
  void anAdamRunThatIsStuckAwayFromItsMinimiserOscillates() {
    Points p = line();
    RunConfig run =
        new RunConfig(
            "r",
            AdamConfig.withDefaults(0.01),
            Loss.MSE,
            1000,
            false,
            100,
            0,
            Precision.FLOAT64,
            new Init(-3.0, 0.0));
    // Ended 0.5 away in slope, not moving over its last epochs, with all the steps it needed.
    Trajectory still = new Trajectory(20, 20, -3.5, 0.2, -3.5, -3.5, 0.2, 0.2, 0, List.of());
    RunOutcome stuck = new RunOutcome(run, -3.0, 0.0, -3.5, 0.2, 1, Double.NaN, 1, 100, 0, still);
    Verdict v = new Diagnoser(leastSquares(p), TOLERANCE, p).diagnose(stuck);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.OSCILLATION);
    assertThat(v.detail()).contains("limit cycle").contains("smaller lr");
    assertThat(v.stepsNeeded()).isNaN();
  }

  @Test
  void nonFiniteParametersAreDivergedAndSayWhen() {
    Points p = line();
    RunConfig run =
        new RunConfig(
            "r",
            new SgdConfig(5, 0),
            Loss.MSE,
            1000,
            false,
            1000,
            0,
            Precision.FLOAT64,
            Init.KAIMING);
    RunOutcome outcome = FastTrainer.train(new TrainingSet(p, null), List.of(run), false).get(0);
    assertThat(outcome.isFinite()).isFalse();
    Verdict v = new Diagnoser(leastSquares(p), TOLERANCE, p).diagnose(outcome);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.DIVERGED);
    assertThat(v.detail()).contains("non-finite at step").contains("above SGD's stability limit");
  }

  @Test
  void onTheSeedSpecNoShuffledBroadcastRunConverges() {
    SweepSpec spec =
        SpecLoader.loadText(
            "",
            "seed",
            List.of(
                "grid.loss=[mse-broadcast]", "grid.shuffle=[true]", "grid.seed=[0, 1, 2, 3, 4]"));
    Points p = LinePoints.generate(spec.data(), LinePoints.TRAIN_SPLIT);
    Diagnoser diagnoser = new Diagnoser(leastSquares(p), spec.converged(), p);
    List<RunConfig> runs = Grid.expand(spec, "seed");
    assertThat(runs).hasSize(500);
    for (long seed = 0; seed < 5; seed++) {
      long s = seed;
      List<RunConfig> group = runs.stream().filter(r -> r.seed() == s).toList();
      for (RunOutcome outcome : FastTrainer.train(new TrainingSet(p, null), group, false)) {
        assertThat(diagnoser.diagnose(outcome).diagnosis())
            .as("B %d seed %d", outcome.config().batchSize(), s)
            .isEqualTo(Diagnosis.WRONG_OBJECTIVE);
      }
    }
  }

  @Test
  void anAdamLimitCycleIsOscillationNotAStepBudget() {
    // Adam at a large lr, B = 100 in fixed order on x in [0, 10]: it keeps circling 10-25
    // tolerances from the line however long it trains; more steps cannot help, a smaller lr does.
    Points p = line("data.x_range=[0, 10]");
    for (int epochs : new int[] {100, 200, 400}) {
      RunConfig run =
          new RunConfig(
              "r",
              AdamConfig.withDefaults(0.5),
              Loss.MSE,
              100,
              false,
              epochs,
              0,
              Precision.FLOAT32,
              Init.KAIMING);
      RunOutcome outcome = FastTrainer.train(new TrainingSet(p, null), List.of(run), false).get(0);
      Verdict v = new Diagnoser(leastSquares(p), TOLERANCE, p).diagnose(outcome);
      assertThat(v.diagnosis())
          .as("%d epochs", epochs)
          .isNotEqualTo(Diagnosis.STEP_BUDGET)
          .isEqualTo(Diagnosis.OSCILLATION);
      assertThat(v.stepsNeeded()).isNaN();
      assertThat(v.detail()).contains("smaller lr").contains("more steps do not");
    }
    RunConfig smaller =
        new RunConfig(
            "r",
            AdamConfig.withDefaults(0.05),
            Loss.MSE,
            100,
            false,
            400,
            0,
            Precision.FLOAT32,
            Init.KAIMING);
    RunOutcome settled =
        FastTrainer.train(new TrainingSet(p, null), List.of(smaller), false).get(0);
    assertThat(new Diagnoser(leastSquares(p), TOLERANCE, p).diagnose(settled).diagnosis())
        .isEqualTo(Diagnosis.CONVERGED);
  }

  @Test
  void sgdAboveItsStabilityLimitThatIsStillFiniteNeverPromisesInfiniteSteps() {
    Points p = line();
    double limit = Curvature.of(p).stabilityLimit(0);
    for (int epochs : new int[] {5, 20, 50}) {
      Verdict v = train(p, new SgdConfig(limit * 1.001, 0), Loss.MSE, 1000, false, epochs);
      assertThat(v.diagnosis()).as("%d epochs", epochs).isNotEqualTo(Diagnosis.STEP_BUDGET);
      assertThat(v.stepsNeeded()).as("%d epochs", epochs).isNaN();
      assertThat(v.detail())
          .doesNotContain("Infinity")
          .doesNotContain("9223372036854775807")
          .contains("stability limit");
    }
  }
}
