package org.batchsweep.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.batchsweep.data.LinePoints;
import org.batchsweep.diagnose.Curvature;
import org.batchsweep.diagnose.Diagnoser;
import org.batchsweep.diagnose.Diagnosis;
import org.batchsweep.job.FixTrainer;
import org.batchsweep.optim.AdamConfig;
import org.batchsweep.optim.SgdConfig;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.train.FastTrainer;
import org.junit.jupiter.api.Test;

/**
 * Each fix kind on a crafted failing run: the run fails with that diagnosis, its computed fix is
 * trained (locally here, with the same rule, trainer and diagnoser Spark uses), and the fixed run
 * converges — checked again by training the recorded fixed configuration from scratch.
 */
class FixesTest {

  private static final ConvergenceSpec TOLERANCE = new ConvergenceSpec(0.05, 0.05);

  private record Data(Points points, Reference reference) {
    static Data of(String... overrides) {
      SweepSpec spec = SpecLoader.loadText("", "test", List.of(overrides));
      Points p = LinePoints.generate(spec.data(), LinePoints.TRAIN_SPLIT);
      double slope = p.covXY() / p.varX();
      double intercept = p.meanY() - slope * p.meanX();
      return new Data(
          p, new Reference("ols", slope, intercept, p.mse(slope, intercept), Double.NaN, 1));
    }

    FixTrainer.Trained train(RunConfig run) {
      return trainer().train(List.of(run), "test").get(run.runId());
    }

    Fixes.Trainer trainer() {
      return (runs, description) -> {
        boolean record = runs.stream().allMatch(r -> r.epochs() <= FixTrainer.MAX_RECORDED_EPOCHS);
        Diagnoser diagnoser = new Diagnoser(reference, TOLERANCE, points);
        Map<String, FixTrainer.Trained> out = new HashMap<>();
        for (RunOutcome o : FastTrainer.train(new TrainingSet(points, null), runs, record)) {
          out.put(o.config().runId(), FixTrainer.trained(o, diagnoser, reference, TOLERANCE));
        }
        return out;
      };
    }
  }

  private static RunConfig run(
      OptimizerConfig optimizer, Loss loss, int batchSize, boolean shuffle, int epochs) {
    return new RunConfig(
        "failed", optimizer, loss, batchSize, shuffle, epochs, 0, Precision.FLOAT32, Init.KAIMING);
  }

  /**
   * Fails with {@code kind}, gets fixed, and the recorded fixed configuration converges on its own.
   */
  private static Fixes.Attempt fixes(Data data, RunConfig failed, Diagnosis kind) {
    FixTrainer.Trained before = data.train(failed);
    assertThat(before.diagnosis()).as(before.detail()).isEqualTo(kind.label());
    FixRule rule = new FixRule(data.points().size(), Curvature.of(data.points()));
    Fixes.Attempt attempt = new Fixes.Attempt(new Setting(new LinkedHashMap<>()), kind, failed);
    attempt.changes = rule.initial(kind, failed, before.stepsNeeded());
    assertThat(attempt.changes).isNotEmpty();
    Fixes.verify(List.of(attempt), rule, data.trainer(), "test");
    assertThat(attempt.result.converged()).as(String.join("; ", attempt.history)).isTrue();
    assertThat(data.train(attempt.fixed).converged())
        .as("the recorded fix, trained again")
        .isTrue();
    return attempt;
  }

  @Test
  void wrongObjectiveIsFixedByTheLossMse() {
    Fixes.Attempt a =
        fixes(
            Data.of(),
            run(AdamConfig.withDefaults(0.01), Loss.MSE_BROADCAST, 10, true, 100),
            Diagnosis.WRONG_OBJECTIVE);
    assertThat(Change.text(a.changes)).isEqualTo("loss=mse");
  }

  @Test
  void aStepBudgetIsFixedByTheEpochsActuallyNeededNotALowerBound() {
    Data data = Data.of();
    RunConfig failed = run(AdamConfig.withDefaults(0.01), Loss.MSE, 1000, false, 100);
    double lowerBound = data.train(failed).stepsNeeded();
    Fixes.Attempt a = fixes(data, failed, Diagnosis.STEP_BUDGET);
    int epochs = ((Change.Epochs) a.changes.get("epochs")).epochs();
    // B = 1000 is one step an epoch: the verified count, not the diagnoser's lower bound, and
    // tight:
    // a tenth fewer epochs no longer converges.
    assertThat((double) epochs).isGreaterThan(lowerBound);
    RunConfig fewer =
        FixRule.apply(failed, Map.of("epochs", new Change.Epochs((int) (epochs * 0.9))));
    assertThat(
            data.train(
                    new RunConfig(
                        "fewer",
                        fewer.optimizer(),
                        fewer.loss(),
                        fewer.batchSize(),
                        fewer.shuffle(),
                        fewer.epochs(),
                        fewer.seed(),
                        fewer.precision(),
                        fewer.init()))
                .converged())
        .isFalse();
  }

  @Test
  void divergedSgdIsFixedByAnLrUnderTheStabilityLimit() {
    Data data = Data.of();
    double limit = Curvature.of(data.points()).stabilityLimit(0.9);
    Fixes.Attempt a =
        fixes(
            data,
            run(new SgdConfig(limit * 1.5, 0.9), Loss.MSE, 100, false, 100),
            Diagnosis.DIVERGED);
    assertThat(((Change.LearningRate) a.changes.get("lr")).lr()).isLessThan(limit);
  }

  @Test
  void anAdamLimitCycleIsFixedByASmallerLr() {
    Data data = Data.of("data.x_range=[0, 10]");
    Fixes.Attempt a =
        fixes(
            data,
            run(AdamConfig.withDefaults(0.5), Loss.MSE, 100, false, 100),
            Diagnosis.OSCILLATION);
    assertThat(((Change.LearningRate) a.changes.get("lr")).lr()).isLessThan(0.5);
  }

  @Test
  void aNoiseFloorIsFixedByASmallerLr() {
    Data data = Data.of("data.noise=1.0");
    Fixes.Attempt a =
        fixes(
            data, run(AdamConfig.withDefaults(0.05), Loss.MSE, 1, true, 30), Diagnosis.NOISE_FLOOR);
    assertThat(((Change.LearningRate) a.changes.get("lr")).lr()).isLessThan(0.05);
  }
}
