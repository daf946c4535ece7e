package org.batchsweep.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.batchsweep.core.EpochRecord;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.OptimizerConfig;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.core.Trajectory;
import org.batchsweep.optim.OptimizerConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test: {@link FastTrainer} (batch sums from prefix sums, O(1) per step, runs trained as a
 * group) agrees with {@link PerSampleTrainer} (every sample of every batch, one run at a time) on
 * random configurations: SGD with and without momentum and Adam (and, in {@link #optimizerCases},
 * every optimizer, schedule and lr scaling), learning rates over three decades, batch sizes from 1
 * to n with and without a remainder batch, shuffled and ordered epochs, both losses, 1 to 12
 * epochs, n from 2 to 400, mixed in one group as a task mixes them. Deterministic: every random
 * draw comes from a fixed seed.
 *
 * <p><b>float64</b>: the trainers differ only in how a batch's sums are formed (a difference of two
 * prefix sums vs a sum in batch order), i.e. in the last bits of each gradient. Parameters, losses
 * and trajectory statistics must agree to 1e-9 relative (with an absolute floor of 1e-9 for values
 * below 1, where a relative bound means nothing: a converged intercept is ≈ 0).
 *
 * <p><b>float32</b>: the per-sample trainer rounds every product and every partial sum of a batch
 * to float32, as PyTorch does; the fast trainer forms the batch sums in double from the float32
 * data and rounds the gradient once. Everything after the gradient (the optimizer update) is the
 * same float32 arithmetic in both. So the gradients differ by float32 summation error: by Higham's
 * bound for recursive summation at most γ_B = B·u/(1 − B·u) of Σ|terms| (u = 2^-24 ≈ 6e-8),
 * typically ~√B·u. An SGD step moves a parameter by lr·g and an Adam step by about lr·m̂/√v̂, so
 * one step's results differ by at most ~γ_B·lr·|g| resp. ~γ_B·lr before the parameter is rounded to
 * float32; a difference of one ulp then persists. Since training contracts toward the minimiser
 * (every run here converges), differences do not compound but stay a few ulps: over these cases the
 * largest is ≈ 1e-6, i.e. 8 ulps at 1, 2 ulps at 4 ({@link #float32DifferencesAreRoundingSized}
 * prints it). {@link #FLOAT32_TOLERANCE} = 1e-5 relative (floor 1e-5 below 1) is ~80 ulps at 1: ten
 * times what is seen, and still 10× tighter than the 1e-4 the PyTorch cross-check allows, which a
 * real error in the fast path (a wrong sum, a batch off by one, a missed step) would exceed by far.
 */
class FastVsPerSampleTest {

  static final double FLOAT64_TOLERANCE = 1e-9;
  static final double FLOAT32_TOLERANCE = 1e-5;
  static final int CASES = 400;

  /** One dataset and a group of runs sharing seed, shuffle and precision, as a task groups them. */
  record Case(
      int index, Points train, Points validation, List<RunConfig> runs, boolean recordEpochs) {
    @Override
    public String toString() {
      RunConfig first = runs.get(0);
      return "case "
          + index
          + ": n="
          + train.size()
          + " "
          + first.precision().label()
          + " shuffle="
          + first.shuffle()
          + " runs="
          + runs.size();
    }
  }

  static Stream<Case> cases() {
    return IntStream.range(0, CASES).mapToObj(FastVsPerSampleTest::randomCase);
  }

  static Case randomCase(int index) {
    SplittableRandom random = new SplittableRandom(0x5EED_0000L + index);
    int n = index < 4 ? 2 + index : 2 + random.nextInt(399);
    Points train = line(random, n);
    Points validation = random.nextBoolean() ? line(random, n) : null;
    Precision precision = index % 2 == 0 ? Precision.FLOAT64 : Precision.FLOAT32;
    boolean shuffle = random.nextBoolean();
    long seed = random.nextLong(1_000);
    int runs = 1 + random.nextInt(8);
    List<RunConfig> group = new ArrayList<>(runs);
    for (int r = 0; r < runs; r++) {
      group.add(randomRun(random, n, shuffle, seed, precision, index + "-" + r));
    }
    return new Case(index, train, validation, group, random.nextInt(4) == 0);
  }

  /** n points on a random line over a random x range, with noise. */
  static Points line(SplittableRandom random, int n) {
    double slope = random.nextDouble(-5, 5);
    double intercept = random.nextDouble(-2, 2);
    double xMin = random.nextDouble(-1, 0.5);
    double xMax = xMin + random.nextDouble(0.2, 2);
    double noise = random.nextDouble(0, 0.3);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = xMin + (xMax - xMin) * i / (n - 1);
      y[i] = slope * x[i] + intercept + noise * random.nextGaussian();
    }
    return new Points(x, y);
  }

  static RunConfig randomRun(
      SplittableRandom random, int n, boolean shuffle, long seed, Precision precision, String id) {
    OptimizerConfig optimizer =
        switch (random.nextInt(3)) {
          case 0 -> OptimizerConfigs.of("adam", logUniform(random, 1e-3, 0.3), 0.0);
          case 1 -> OptimizerConfigs.of("sgd", logUniform(random, 1e-3, 0.1), 0.0);
          default ->
              OptimizerConfigs.of(
                  "sgd", logUniform(random, 1e-3, 0.05), random.nextDouble(0.5, 0.95));
        };
    // Batch sizes that divide n, that leave a remainder, of 1, and of the whole set.
    int batchSize =
        switch (random.nextInt(5)) {
          case 0 -> 1;
          case 1 -> n;
          case 2 -> Math.max(1, n / (1 + random.nextInt(Math.min(n, 10))));
          default -> 1 + random.nextInt(n);
        };
    Init init =
        random.nextBoolean()
            ? Init.KAIMING
            : new Init(random.nextDouble(-1, 1), random.nextDouble(-1, 1));
    return new RunConfig(
        id,
        optimizer,
        random.nextBoolean() ? Loss.MSE : Loss.MSE_BROADCAST,
        batchSize,
        shuffle,
        1 + random.nextInt(12),
        seed,
        precision,
        init);
  }

  static double logUniform(SplittableRandom random, double low, double high) {
    return Math.exp(random.nextDouble(Math.log(low), Math.log(high)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void fastTrainerAgreesWithPerSampleTrainer(Case c) {
    TrainingSet data = new TrainingSet(c.train(), c.validation());
    List<RunOutcome> fast = FastTrainer.train(data, c.runs(), c.recordEpochs());
    assertThat(fast).hasSize(c.runs().size());
    for (int r = 0; r < c.runs().size(); r++) {
      RunConfig run = c.runs().get(r);
      RunOutcome reference = PerSampleTrainer.train(data, run, c.recordEpochs());
      assertAgree(
          fast.get(r),
          reference,
          run.precision() == Precision.FLOAT64 ? FLOAT64_TOLERANCE : FLOAT32_TOLERANCE);
    }
  }

  static final int OPTIMIZER_CASES = 300;

  static Stream<Case> optimizerCases() {
    return IntStream.range(0, OPTIMIZER_CASES).mapToObj(FastVsPerSampleTest::randomOptimizerCase);
  }

  /**
   * Like {@link #randomCase}, with runs drawn over every optimizer (Adam with weight decay and
   * AMSGrad, AdamW, SGD with Nesterov, dampening and weight decay, RMSprop centered and with
   * momentum, Adagrad with lr decay and an initial accumulator), every schedule, and lr scaling.
   */
  static Case randomOptimizerCase(int index) {
    SplittableRandom random = new SplittableRandom(0x0971_0000L + index);
    int n = 2 + random.nextInt(299);
    Points train = line(random, n);
    Points validation = random.nextBoolean() ? line(random, n) : null;
    Precision precision = index % 2 == 0 ? Precision.FLOAT64 : Precision.FLOAT32;
    boolean shuffle = random.nextBoolean();
    long seed = random.nextLong(1_000);
    int runs = 1 + random.nextInt(8);
    List<RunConfig> group = new ArrayList<>(runs);
    for (int r = 0; r < runs; r++) {
      RunConfig plain = randomRun(random, n, shuffle, seed, precision, index + "-" + r);
      group.add(
          new RunConfig(
              plain.runId(),
              randomOptimizer(random),
              plain.loss(),
              plain.batchSize(),
              shuffle,
              plain.epochs(),
              seed,
              precision,
              plain.init(),
              randomSchedule(random),
              org.batchsweep.core.LrScaling.values()[random.nextInt(3)],
              Math.max(1, (int) (plain.batchSize() * random.nextDouble(0.5, 2)))));
    }
    return new Case(index, train, validation, group, random.nextInt(4) == 0);
  }

  static OptimizerConfig randomOptimizer(SplittableRandom random) {
    double decay = random.nextBoolean() ? 0.0 : logUniform(random, 1e-4, 0.1);
    return switch (random.nextInt(5)) {
      case 0 ->
          new org.batchsweep.optim.AdamConfig(
              logUniform(random, 1e-3, 0.1), 0.9, 0.999, 1e-8, decay, random.nextBoolean());
      case 1 ->
          new org.batchsweep.optim.AdamWConfig(
              logUniform(random, 1e-3, 0.1), 0.9, 0.999, 1e-8, decay, random.nextBoolean());
      case 2 -> {
        double momentum = random.nextBoolean() ? 0.0 : random.nextDouble(0.5, 0.9);
        boolean nesterov = momentum > 0 && random.nextBoolean();
        double dampening = nesterov || random.nextBoolean() ? 0.0 : random.nextDouble(0, 0.5);
        yield new org.batchsweep.optim.SgdConfig(
            logUniform(random, 1e-3, 0.03), momentum, dampening, nesterov, decay);
      }
      case 3 ->
          new org.batchsweep.optim.RmspropConfig(
              logUniform(random, 1e-4, 0.01),
              random.nextDouble(0.9, 0.999),
              1e-8,
              random.nextBoolean(),
              random.nextBoolean() ? 0.0 : random.nextDouble(0.5, 0.9),
              decay);
      default ->
          new org.batchsweep.optim.AdagradConfig(
              logUniform(random, 1e-3, 0.3),
              random.nextBoolean() ? 0.0 : 0.01,
              1e-10,
              random.nextBoolean() ? 0.0 : 0.1,
              decay);
    };
  }

  static org.batchsweep.core.Schedule randomSchedule(SplittableRandom random) {
    return switch (random.nextInt(6)) {
      case 0 -> org.batchsweep.core.Schedule.CONSTANT;
      case 1 ->
          new org.batchsweep.core.Schedule.Step(1 + random.nextInt(4), random.nextDouble(0.1, 1));
      case 2 -> new org.batchsweep.core.Schedule.Cosine(random.nextBoolean() ? 0.0 : 1e-4);
      case 3 ->
          new org.batchsweep.core.Schedule.Warmup(
              1 + random.nextInt(4), random.nextDouble(0.05, 1));
      default -> new org.batchsweep.core.Schedule.OneCycle(logUniform(random, 1e-3, 0.03));
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("optimizerCases")
  void fastTrainerAgreesWithPerSampleTrainerForEveryOptimizerAndSchedule(Case c) {
    fastTrainerAgreesWithPerSampleTrainer(c);
  }

  /**
   * The float32 tolerance is generous by design; this shows by how much (see the class comment).
   */
  @Test
  void float32DifferencesAreRoundingSized() {
    double worst = 0;
    for (int index = 1; index < CASES; index += 2) {
      Case c = randomCase(index);
      TrainingSet data = new TrainingSet(c.train(), c.validation());
      List<RunOutcome> fast = FastTrainer.train(data, c.runs(), false);
      for (int r = 0; r < c.runs().size(); r++) {
        RunOutcome reference = PerSampleTrainer.train(data, c.runs().get(r), false);
        worst = Math.max(worst, difference(fast.get(r).slope(), reference.slope()));
        worst = Math.max(worst, difference(fast.get(r).intercept(), reference.intercept()));
      }
    }
    System.out.printf(
        "FastVsPerSampleTest: largest float32 parameter difference %.3g (tolerance %.3g)%n",
        worst, FLOAT32_TOLERANCE);
    assertThat(worst).isLessThan(FLOAT32_TOLERANCE);
  }

  /** Which runs train side by side changes no bit of any result. */
  @Test
  void mixedGroupsTrainExactlyAsSeparateGroups() {
    SplittableRandom random = new SplittableRandom(11);
    int n = 300;
    TrainingSet data = new TrainingSet(line(random, n), line(random, n));
    List<List<RunConfig>> groups = new ArrayList<>();
    List<RunConfig> mixed = new ArrayList<>();
    for (int g = 0; g < 6; g++) {
      List<RunConfig> group = new ArrayList<>();
      Precision precision = g % 3 == 0 ? Precision.FLOAT64 : Precision.FLOAT32;
      for (int r = 0; r < 25; r++) {
        group.add(randomRun(random, n, g % 2 == 0, g / 2, precision, g + "-" + r));
      }
      groups.add(group);
    }
    // Interleave the groups' runs in the mixed list.
    for (int r = 0; r < 25; r++) {
      for (List<RunConfig> group : groups) {
        mixed.add(group.get(r));
      }
    }
    List<RunOutcome> together = FastTrainer.train(data, mixed, true);
    int at = 0;
    for (int r = 0; r < 25; r++) {
      for (List<RunConfig> group : groups) {
        RunOutcome alone = FastTrainer.train(data, group, true).get(r);
        RunOutcome side = together.get(at++);
        assertThat(side.config()).isEqualTo(alone.config());
        assertThat(
                new double[] {
                  side.slope(),
                  side.intercept(),
                  side.trainMse(),
                  side.validationMse(),
                  side.lastBatchLoss(),
                  side.steps()
                })
            .isEqualTo(
                new double[] {
                  alone.slope(),
                  alone.intercept(),
                  alone.trainMse(),
                  alone.validationMse(),
                  alone.lastBatchLoss(),
                  alone.steps()
                });
        assertThat(side.trajectory()).isEqualTo(alone.trajectory());
      }
    }
  }

  @Test
  void bothTrainersSeeTheSameBlowUp() {
    SplittableRandom random = new SplittableRandom(7);
    Points train = line(random, 50);
    TrainingSet data = new TrainingSet(train, null);
    for (Precision precision : Precision.values()) {
      RunConfig run =
          new RunConfig(
              "diverges",
              OptimizerConfigs.of("sgd", 20.0, 0.0),
              Loss.MSE,
              5,
              true,
              50,
              3,
              precision,
              new Init(0.5, 0.5));
      RunOutcome fast = FastTrainer.train(data, List.of(run), false).get(0);
      RunOutcome reference = PerSampleTrainer.train(data, run, false);
      assertThat(fast.isFinite()).as("fast, " + precision).isFalse();
      assertThat(reference.isFinite()).as("per-sample, " + precision).isFalse();
      assertThat(fast.steps()).isEqualTo(reference.steps());
    }
  }

  static void assertAgree(RunOutcome fast, RunOutcome reference, double tolerance) {
    String what = reference.config().toString();
    assertThat(fast.config()).isEqualTo(reference.config());
    assertThat(fast.steps()).as("steps of %s", what).isEqualTo(reference.steps());
    assertThat(fast.initSlope()).as("init slope of %s", what).isEqualTo(reference.initSlope());
    assertThat(fast.initIntercept())
        .as("init intercept of %s", what)
        .isEqualTo(reference.initIntercept());
    close("slope", fast.slope(), reference.slope(), tolerance, what);
    close("intercept", fast.intercept(), reference.intercept(), tolerance, what);
    close("train_mse", fast.trainMse(), reference.trainMse(), tolerance, what);
    close("validation_mse", fast.validationMse(), reference.validationMse(), tolerance, what);
    close("last_batch_loss", fast.lastBatchLoss(), reference.lastBatchLoss(), tolerance, what);
    Trajectory f = fast.trajectory();
    Trajectory p = reference.trajectory();
    assertThat(f.windowEpochs()).isEqualTo(p.windowEpochs());
    close("window slope min", f.windowSlopeMin(), p.windowSlopeMin(), tolerance, what);
    close("window slope max", f.windowSlopeMax(), p.windowSlopeMax(), tolerance, what);
    close("window intercept min", f.windowInterceptMin(), p.windowInterceptMin(), tolerance, what);
    close("window intercept max", f.windowInterceptMax(), p.windowInterceptMax(), tolerance, what);
    assertThat(f.firstNonFiniteStep())
        .as("first non-finite step of %s", what)
        .isEqualTo(p.firstNonFiniteStep());
    assertThat(f.epochs()).hasSameSizeAs(p.epochs());
    for (int e = 0; e < p.epochs().size(); e++) {
      EpochRecord fe = f.epochs().get(e);
      EpochRecord pe = p.epochs().get(e);
      assertThat(fe.epoch()).isEqualTo(pe.epoch());
      close("epoch " + pe.epoch() + " slope", fe.slope(), pe.slope(), tolerance, what);
      close("epoch " + pe.epoch() + " intercept", fe.intercept(), pe.intercept(), tolerance, what);
      close("epoch " + pe.epoch() + " mse", fe.trainMse(), pe.trainMse(), tolerance, what);
    }
  }

  /** |a − b| relative to max(1, |b|): relative for values ≥ 1, absolute below. */
  static double difference(double a, double b) {
    if (Double.isNaN(a) && Double.isNaN(b) || a == b) {
      return 0;
    }
    return Math.abs(a - b) / Math.max(1, Math.abs(b));
  }

  static void close(String field, double fast, double reference, double tolerance, String what) {
    assertThat(difference(fast, reference))
        .as("%s: fast %s vs per-sample %s, %s", field, fast, reference, what)
        .isLessThanOrEqualTo(tolerance);
  }
}
