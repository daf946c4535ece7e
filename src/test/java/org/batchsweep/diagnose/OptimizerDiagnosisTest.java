package org.batchsweep.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.LrScaling;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.Schedule;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.data.LinePoints;
import org.batchsweep.optim.AdamConfig;
import org.batchsweep.optim.AdamWConfig;
import org.batchsweep.optim.RmspropConfig;
import org.batchsweep.optim.SgdConfig;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.train.FastTrainer;
import org.junit.jupiter.api.Test;

/**
 * Diagnoses of the optimizers, weight decay and schedules: right numbers where a model exists
 * (ridge minimiser, SGD's limits with Nesterov), and no number where none does (AdamW's objective,
 * RMSprop's pace, any schedule's step count).
 */
class OptimizerDiagnosisTest {

  private static final ConvergenceSpec TOLERANCE = new ConvergenceSpec(0.05, 0.05);
  private static final Points LINE = line();

  private static Points line() {
    SweepSpec spec = SpecLoader.loadText("", "test", List.of());
    return LinePoints.generate(spec.data(), LinePoints.TRAIN_SPLIT);
  }

  private static Reference leastSquares(Points p) {
    double slope = p.covXY() / p.varX();
    double intercept = p.meanY() - slope * p.meanX();
    return new Reference("ols", slope, intercept, p.mse(slope, intercept), Double.NaN, 1);
  }

  private static Verdict train(
      OptimizerConfig optimizer, int batchSize, int epochs, Schedule schedule) {
    RunConfig run =
        new RunConfig(
            "r",
            optimizer,
            Loss.MSE,
            batchSize,
            true,
            epochs,
            0,
            Precision.FLOAT64,
            new Init(0.5, 0.5),
            schedule,
            LrScaling.NONE,
            32);
    RunOutcome outcome = FastTrainer.train(new TrainingSet(LINE, null), List.of(run), false).get(0);
    return new Diagnoser(leastSquares(LINE), TOLERANCE, LINE).diagnose(outcome);
  }

  @Test
  void coupledWeightDecayConvergesToTheRidgeMinimiserAndSaysSo() {
    Verdict v =
        train(new AdamConfig(0.01, 0.9, 0.999, 1e-8, 0.5, false), 10, 100, Schedule.CONSTANT);
    double[] ridge = RidgeObjective.of(Loss.MSE, true, 10, 0.5, LINE);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.WRONG_OBJECTIVE);
    assertThat(v.objectiveSlope()).isEqualTo(ridge[0]);
    assertThat(v.objectiveIntercept()).isEqualTo(ridge[1]);
    assertThat(v.detail())
        .contains("weight decay 0.500 makes the objective a ridge regression")
        .contains("use weight_decay 0");
  }

  @Test
  void adamwsObjectiveIsUnknownAndNoNumberIsGivenForIt() {
    Verdict converged = train(AdamWConfig.withDefaults(0.01), 10, 100, Schedule.CONSTANT);
    assertThat(converged.diagnosis()).isEqualTo(Diagnosis.CONVERGED);
    assertThat(converged.objectiveSlope()).isNaN();
    Verdict short_ = train(AdamWConfig.withDefaults(0.01), 1000, 100, Schedule.CONSTANT);
    assertThat(short_.diagnosis()).isEqualTo(Diagnosis.STEP_BUDGET);
    assertThat(short_.objectiveSlope()).isNaN();
    // From slope 0.5 to the line at ≈ −4 at ≈ lr per step: at least ≈ (4.5 − 0.05)/0.01 steps.
    assertThat(short_.stepsNeeded())
        .isCloseTo((0.5 - leastSquares(LINE).slope() - 0.05) / 0.01, within(1.0));
    assertThat(short_.detail()).contains("no closed-form minimiser");
  }

  @Test
  void rmspropGetsNoStepModelButAnObservedLowerBoundWhenStillMoving() {
    Verdict v = train(RmspropConfig.withDefaults(0.001), 1000, 100, Schedule.CONSTANT);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.STEP_BUDGET);
    assertThat(v.stepsNeeded()).isGreaterThan(100);
    assertThat(v.detail())
        .contains("rmsprop's step depends on the gradient magnitudes")
        .doesNotContain("Adam moves");
  }

  @Test
  void underASchedulesNoStepCountIsEstimated() {
    Verdict v = train(AdamConfig.withDefaults(0.01), 1000, 100, new Schedule.Cosine(0));
    assertThat(v.diagnosis()).isNotEqualTo(Diagnosis.CONVERGED);
    assertThat(v.stepsNeeded()).isNaN();
  }

  @Test
  void nesterovsStabilityLimitIsTwoOnePlusMuOverOnePlusTwoMuLambdaMax() {
    Curvature c = Curvature.of(LINE);
    double mu = 0.9;
    double limit = 2 * (1 + mu) / ((1 + 2 * mu) * c.lambdaMax());
    Verdict above =
        train(new SgdConfig(limit * 1.05, mu, 0.0, true, 0.0), 1000, 300, Schedule.CONSTANT);
    assertThat(above.diagnosis()).isEqualTo(Diagnosis.DIVERGED);
    assertThat(above.detail())
        .contains(
            "above SGD's stability limit 2(1+μ)/((1+2μ)·λ_max) = "
                + String.format(java.util.Locale.ROOT, "%.3g", limit));
    Verdict below =
        train(new SgdConfig(limit * 0.95, mu, 0.0, true, 0.0), 1000, 300, Schedule.CONSTANT);
    assertThat(below.diagnosis()).isNotEqualTo(Diagnosis.DIVERGED);
  }

  @Test
  void weightDecayRaisesSgdsCurvatureAndSoLowersItsLimit() {
    Curvature c = Curvature.of(LINE);
    double decay = 1.0;
    double limit = 2 / (c.lambdaMax() + decay);
    RunConfig run =
        new RunConfig(
            "r",
            new SgdConfig(1.0, 0.0, 0.0, false, decay),
            Loss.MSE,
            1000,
            true,
            10,
            0,
            Precision.FLOAT64,
            new Init(0.5, 0.5));
    assertThat(StepModel.of(run, c).sgdStabilityLimit()).isCloseTo(limit, within(1e-12));
  }
}
