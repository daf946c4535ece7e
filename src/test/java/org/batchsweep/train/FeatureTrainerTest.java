package org.batchsweep.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.Scale;
import org.batchsweep.core.Standardization;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.optim.OptimizerConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test for d features: {@link FeatureTrainer} from prefix sums (O(d²) a step) agrees with
 * {@link PerSampleTrainer} (every sample, O(B·d) a step) for d from 1 to 20 on random data, random
 * optimizers, batch sizes, both losses, shuffled and ordered, both precisions. The tolerances and
 * their reasons are those of {@link FastVsPerSampleTest}: float64 differs only in how batch sums
 * are formed; float32 by float32 summation error in the per-sample gradient, now over B·d terms.
 */
class FeatureTrainerTest {

  static final double FLOAT64_TOLERANCE = 1e-9;
  static final double FLOAT32_TOLERANCE = 1e-4;
  static final int CASES = 200;

  record Case(int index, Points train, Points validation, List<RunConfig> runs) {
    @Override
    public String toString() {
      return "case "
          + index
          + ": d="
          + train.features()
          + " n="
          + train.size()
          + " "
          + runs.get(0).precision().label()
          + " runs="
          + runs.size();
    }
  }

  static Stream<Case> cases() {
    return IntStream.range(0, CASES).mapToObj(FeatureTrainerTest::randomCase);
  }

  static Case randomCase(int index) {
    SplittableRandom random = new SplittableRandom(0xFEA7_0000L + index);
    int d = 1 + index % 20;
    int n = d + 2 + random.nextInt(200);
    double[] scales = new double[d];
    for (int j = 0; j < d; j++) {
      scales[j] = Math.exp(random.nextDouble(Math.log(0.3), Math.log(3)));
    }
    double[] weights = random.doubles(d, -3, 3).toArray();
    double intercept = random.nextDouble(-1, 1);
    Points train = points(random, n, scales, weights, intercept);
    Points validation = random.nextBoolean() ? points(random, n, scales, weights, intercept) : null;
    double lambdaMax = 2 * (1 + sumOfSquares(scales));
    Precision precision = index % 2 == 0 ? Precision.FLOAT64 : Precision.FLOAT32;
    boolean shuffle = random.nextBoolean();
    long seed = random.nextLong(1_000);
    List<RunConfig> runs = new ArrayList<>();
    for (int r = 0, count = 1 + random.nextInt(5); r < count; r++) {
      OptimizerConfig optimizer =
          switch (random.nextInt(5)) {
            case 0 -> OptimizerConfigs.of("adam", logUniform(random, 1e-3, 0.1), 0.0);
            case 1 -> OptimizerConfigs.of("sgd", logUniform(random, 0.01, 0.9) / lambdaMax, 0.0);
            case 2 -> OptimizerConfigs.of("sgd", logUniform(random, 0.01, 0.09) / lambdaMax, 0.9);
            case 3 -> OptimizerConfigs.of("rmsprop", logUniform(random, 1e-3, 0.03), 0.0);
            default -> OptimizerConfigs.of("adagrad", logUniform(random, 1e-2, 0.3), 0.0);
          };
      int batchSize =
          switch (random.nextInt(4)) {
            case 0 -> n;
            case 1 -> 1 + random.nextInt(Math.max(1, d));
            default -> 1 + random.nextInt(n);
          };
      Init init =
          random.nextBoolean()
              ? Init.KAIMING
              : Init.of(random.doubles(d, -1, 1).toArray(), random.nextDouble(-1, 1));
      runs.add(
          new RunConfig(
              index + "-" + r,
              optimizer,
              random.nextBoolean() ? Loss.MSE : Loss.MSE_BROADCAST,
              batchSize,
              shuffle,
              1 + random.nextInt(8),
              seed,
              precision,
              init));
    }
    return new Case(index, train, validation, runs);
  }

  static Points points(
      SplittableRandom random, int n, double[] scales, double[] weights, double intercept) {
    int d = scales.length;
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double target = intercept;
      for (int j = 0; j < d; j++) {
        x[i * d + j] = random.nextDouble(-1, 1) * scales[j];
        target += weights[j] * x[i * d + j];
      }
      y[i] = target + 0.1 * random.nextGaussian();
    }
    return new Points(d, x, y);
  }

  static double sumOfSquares(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v * v;
    }
    return s;
  }

  static double logUniform(SplittableRandom random, double low, double high) {
    return Math.exp(random.nextDouble(Math.log(low), Math.log(high)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void prefixSumsAgreeWithPerSample(Case c) {
    TrainingSet data = new TrainingSet(c.train(), c.validation());
    List<RunOutcome> fast = FeatureTrainer.train(data, c.runs(), false, Target.NONE, false);
    for (int r = 0; r < c.runs().size(); r++) {
      RunConfig run = c.runs().get(r);
      RunOutcome slow = PerSampleTrainer.train(data, run, false);
      double tolerance =
          run.precision() == Precision.FLOAT64 ? FLOAT64_TOLERANCE : FLOAT32_TOLERANCE;
      String what =
          c + " run " + run.runId() + " " + run.optimizer().name() + " B " + run.batchSize();
      assertThat(fast.get(r).steps()).as(what).isEqualTo(slow.steps());
      assertThat(fast.get(r).params().length).as(what).isEqualTo(c.train().features() + 1);
      for (int j = 0; j < slow.params().length; j++) {
        close("param " + j + " of " + what, fast.get(r).params()[j], slow.params()[j], tolerance);
        close("init " + j + " of " + what, fast.get(r).initParams()[j], slow.initParams()[j], 0);
      }
      close("train mse of " + what, fast.get(r).trainMse(), slow.trainMse(), tolerance);
      close("last loss of " + what, fast.get(r).lastBatchLoss(), slow.lastBatchLoss(), tolerance);
    }
  }

  /** With one feature the d-feature trainer computes what the one-feature fast trainer does. */
  @Test
  void oneFeatureAgreesWithTheOneFeatureFastTrainer() {
    for (int index = 0; index < CASES; index += 20) {
      Case c = randomCase(index);
      TrainingSet data = new TrainingSet(c.train(), c.validation());
      List<RunOutcome> general = FeatureTrainer.train(data, c.runs(), false, Target.NONE, false);
      List<RunOutcome> special = FastTrainer.train(data, c.runs(), false);
      for (int r = 0; r < c.runs().size(); r++) {
        double tolerance =
            c.runs().get(r).precision() == Precision.FLOAT64 ? FLOAT64_TOLERANCE : 1e-5;
        close("slope", general.get(r).slope(), special.get(r).slope(), tolerance);
        close("intercept", general.get(r).intercept(), special.get(r).intercept(), tolerance);
      }
    }
  }

  /**
   * A standardized run is the run on features standardized by hand, with its parameters mapped
   * back: w_j = v_j/σ_j, b = c − Σ v_j μ_j/σ_j.
   */
  @Test
  void standardizedRunsReportWeightsInTheOriginalUnits() {
    Case c = randomCase(7);
    RunConfig run = c.runs().get(0).withScale(Scale.STANDARDIZE);
    TrainingSet data = new TrainingSet(c.train(), null);
    RunOutcome scaled = FastTrainer.train(data, List.of(run), false).get(0);
    Standardization s = Standardization.of(c.train());
    RunOutcome byHand =
        FastTrainer.train(
                new TrainingSet(s.apply(c.train()), null),
                List.of(run.withScale(Scale.NONE)),
                false)
            .get(0);
    double[] mapped = s.toOriginal(byHand.params(), new double[byHand.params().length]);
    for (int j = 0; j < mapped.length; j++) {
      assertThat(scaled.params()[j]).isEqualTo(mapped[j]);
    }
    assertThat(scaled.trainMse()).isEqualTo(byHand.trainMse());
    // And it fits the data in its units: its MSE is that of the mapped model on the raw points.
    double[] w = java.util.Arrays.copyOf(mapped, mapped.length - 1);
    close("mse", c.train().mse(w, mapped[mapped.length - 1]), scaled.trainMse(), 1e-9);
  }

  static void close(String what, double actual, double expected, double tolerance) {
    if (!Double.isFinite(expected) || !Double.isFinite(actual)) {
      assertThat(Double.isFinite(actual)).as(what).isEqualTo(Double.isFinite(expected));
      return;
    }
    double bound = tolerance * Math.max(1, Math.abs(expected));
    assertThat(Math.abs(actual - expected))
        .as("%s: %s vs %s", what, actual, expected)
        .isLessThanOrEqualTo(bound);
  }
}
