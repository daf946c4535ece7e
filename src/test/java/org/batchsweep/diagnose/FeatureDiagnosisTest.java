package org.batchsweep.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.batchsweep.core.ConvergenceSpec;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.Reference;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.Scale;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.optim.AdamConfig;
import org.batchsweep.optim.SgdConfig;
import org.batchsweep.train.FastTrainer;
import org.junit.jupiter.api.Test;

/**
 * Diagnoses with d features: SGD on raw features whose scales differ by 1000× is step-budget, and
 * the detail names the ill-conditioning, the feature scales that cause it and standardization; the
 * same SGD on standardized features converges; mse-broadcast's d-feature minimiser is named.
 */
class FeatureDiagnosisTest {

  static final ConvergenceSpec TOLERANCE = new ConvergenceSpec(0.05, 0.05);
  static final double[] SCALES = {1, 10, 100, 1000, 3};
  static final double[] WEIGHTS = {2.0, -1.0, 0.5, 1.5, -0.8};

  static Points rawUnits() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 1000;
    int d = SCALES.length;
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double target = 0.5;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = random.nextDouble() * SCALES[j];
        target += WEIGHTS[j] * x[i * d + j];
      }
      y[i] = target + 0.05 * random.nextGaussian();
    }
    return new Points(d, x, y);
  }

  /** The least-squares fit, from the d-feature objective rules (shuffled mse is OLS). */
  static Reference leastSquares(Points p) {
    double[] ols = ObjectiveMinimiser.of(Loss.MSE, true, 10, p);
    double[] w = java.util.Arrays.copyOf(ols, p.features());
    return new Reference(
        "ols", w, ols[p.features()], p.mse(w, ols[p.features()]), Double.NaN, 1, Double.NaN);
  }

  static Verdict diagnose(Points p, OptimizerConfig optimizer, Scale scale, int epochs) {
    RunConfig run =
        new RunConfig(
                "r", optimizer, Loss.MSE, 32, true, epochs, 0, Precision.FLOAT64, Init.KAIMING)
            .withScale(scale);
    RunOutcome outcome = FastTrainer.train(new TrainingSet(p, null), List.of(run), false).get(0);
    return new Diagnoser(leastSquares(p), TOLERANCE, p).diagnose(outcome);
  }

  @Test
  void sgdOnRawFeaturesCrawlsAndTheDetailNamesIllConditioning() {
    Points p = rawUnits();
    Verdict v = diagnose(p, new SgdConfig(1e-6, 0.0), Scale.NONE, 50);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.STEP_BUDGET);
    assertThat(v.detail())
        .contains("ill-conditioned")
        .contains("condition number")
        .contains("x4")
        .contains("scale: standardize");
  }

  @Test
  void sgdAboveTheLimitTheLargestFeatureSetsDiverges() {
    Verdict v = diagnose(rawUnits(), new SgdConfig(1e-3, 0.0), Scale.NONE, 5);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.DIVERGED);
    assertThat(v.detail()).contains("above SGD's stability limit");
  }

  @Test
  void theSameSgdOnStandardizedFeaturesConverges() {
    Verdict v = diagnose(rawUnits(), new SgdConfig(0.1, 0.0), Scale.STANDARDIZE, 50);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.CONVERGED);
    assertThat(v.detail()).startsWith("weights [").contains("reference model");
  }

  @Test
  void adamAtATinyLrIsShortOfStepsNotOscillating() {
    Verdict v = diagnose(rawUnits(), AdamConfig.withDefaults(1e-6), Scale.NONE, 20);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.STEP_BUDGET);
    assertThat(v.detail()).doesNotContain("ill-conditioned");
  }

  @Test
  void mseBroadcastShuffledHasTheShrunkenMinimiser() {
    Points p = rawUnits();
    RunConfig run =
        new RunConfig(
            "b",
            AdamConfig.withDefaults(0.01),
            Loss.MSE_BROADCAST,
            100,
            true,
            5,
            0,
            Precision.FLOAT64,
            Init.KAIMING);
    RunOutcome outcome = FastTrainer.train(new TrainingSet(p, null), List.of(run), false).get(0);
    Verdict v = new Diagnoser(leastSquares(p), TOLERANCE, p).diagnose(outcome);
    assertThat(v.diagnosis()).isEqualTo(Diagnosis.WRONG_OBJECTIVE);
    // Every weight shrinks by (n − B)/(B(n − 1)) = 900/99900.
    double shrink = 900.0 / (100 * 999);
    double[] ols = leastSquares(p).weights();
    for (int j = 0; j < ols.length; j++) {
      assertThat(v.objective()[j])
          .isCloseTo(ols[j] * shrink, org.assertj.core.api.Assertions.within(1e-9));
    }
    assertThat(v.detail()).contains("mse-broadcast").contains("weights [");
  }
}
