package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.batchsweep.BadInputException;
import org.batchsweep.data.DataLoader;
import org.batchsweep.job.SweepPlan;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.junit.jupiter.api.Test;

/**
 * What decides C1-only compilation and interpreted expressions: a sweep's size, and BATCHSWEEP_JIT.
 * No JIT or Spark is touched here.
 */
class SweepSizeTest {

  private static SweepSize sizeOf(String... overrides) {
    SweepSpec spec = SpecLoader.loadText("", "test", List.of(overrides));
    return SweepSize.of(SweepPlan.of("t", spec, DataLoader.load(spec, null)));
  }

  @Test
  void countsRunsStepsEpochRowsAndTrainingValues() {
    // 2 batch sizes × 2 orders × 3 seeds on 100 points, 7 epochs: B 10 takes 10 steps an epoch,
    // B 30 takes 4 (the last batch is short).
    SweepSize size =
        sizeOf(
            "data.n=100",
            "train.epochs=7",
            "train.record_epochs=true",
            "grid.batch_size=[10,30]",
            "grid.shuffle=[false,true]",
            "grid.loss=[mse]",
            "grid.seed=[0,1,2]");
    assertThat(size).isEqualTo(new SweepSize(12, 6L * 7 * (10 + 4), 12 * 7, 100));
  }

  @Test
  void epochRowsAreNoneWhenEpochsAreNotRecorded() {
    assertThat(sizeOf("train.record_epochs=false").epochRows()).isZero();
  }

  @Test
  void theShippedSeedSweepIsSmall() {
    SweepSize seed = shipped("seed");
    assertThat(seed).isEqualTo(new SweepSize(2000, 1_146_000, 200_000, 1000));
    assertThat(seed.small()).isTrue();
  }

  @Test
  void eachLimitIsInclusiveAndEachOneAloneMakesASweepLarge() {
    SweepSize atLimits =
        new SweepSize(
            SweepSize.MAX_RUNS,
            SweepSize.MAX_STEPS,
            SweepSize.MAX_EPOCH_ROWS,
            SweepSize.MAX_TRAINING_VALUES);
    assertThat(atLimits.small()).isTrue();
    assertThat(new SweepSize(SweepSize.MAX_RUNS + 1, 0, 0, 0).small()).isFalse();
    assertThat(new SweepSize(1, SweepSize.MAX_STEPS + 1, 0, 0).small()).isFalse();
    assertThat(new SweepSize(1, 0, SweepSize.MAX_EPOCH_ROWS + 1, 0).small()).isFalse();
    assertThat(new SweepSize(1, 0, 0, SweepSize.MAX_TRAINING_VALUES + 1).small()).isFalse();
  }

  @Test
  void onlyASmallSweepOfFewRunsInterpretsExpressions() {
    assertThat(shipped("seed").fewRuns()).isTrue();
    assertThat(new SweepSize(SweepSize.MAX_RUNS_INTERPRETED, 1, 0, 1).fewRuns()).isTrue();
    assertThat(new SweepSize(SweepSize.MAX_RUNS_INTERPRETED + 1, 1, 0, 1).fewRuns()).isFalse();
    assertThat(new SweepSize(1, SweepSize.MAX_STEPS + 1, 0, 1).fewRuns())
        .as("few runs, but large")
        .isFalse();
  }

  @Test
  void expressionsAreInterpretedForFewRunsUnlessFull() {
    SweepSize few = new SweepSize(1, 1, 0, 1);
    SweepSize many = new SweepSize(SweepSize.MAX_RUNS_INTERPRETED + 1, 1, 0, 1);
    assertThat(QuickCompilation.Mode.AUTO.interpretsExpressions(few.fewRuns())).isTrue();
    assertThat(QuickCompilation.Mode.QUICK.interpretsExpressions(few.fewRuns())).isTrue();
    assertThat(QuickCompilation.Mode.FULL.interpretsExpressions(few.fewRuns())).isFalse();
    assertThat(QuickCompilation.Mode.AUTO.interpretsExpressions(many.fewRuns())).isFalse();
    assertThat(QuickCompilation.Mode.QUICK.interpretsExpressions(many.fewRuns())).isFalse();
  }

  @Test
  void aStoredSweepIsReadWithInterpretedExpressionsWhenItHasFewRuns() {
    long few = SweepSize.MAX_RUNS_INTERPRETED;
    assertThat(QuickCompilation.Mode.AUTO.interpretsExpressions(SweepSize.fewRuns(few))).isTrue();
    assertThat(QuickCompilation.Mode.QUICK.interpretsExpressions(SweepSize.fewRuns(few))).isTrue();
    assertThat(QuickCompilation.Mode.FULL.interpretsExpressions(SweepSize.fewRuns(few))).isFalse();
    assertThat(QuickCompilation.Mode.AUTO.interpretsExpressions(SweepSize.fewRuns(few + 1)))
        .isFalse();
    assertThat(SweepSize.fewRuns((Long) null)).as("a row without its count").isFalse();
  }

  @Test
  void theShippedLargeSweepKeepsC2() {
    assertThat(shipped("large").small()).isFalse();
  }

  private static SweepSize shipped(String name) {
    SweepSpec spec = SpecSource.load(name, List.of());
    return SweepSize.of(SweepPlan.of("t", spec, DataLoader.load(spec, null)));
  }

  @Test
  void modesFollowTheSizeOnlyWhenAutomatic() {
    SweepSize small = new SweepSize(1, 1, 0, 1);
    SweepSize large = new SweepSize(SweepSize.MAX_RUNS + 1, 1, 0, 1);
    assertThat(QuickCompilation.Mode.AUTO.appliesTo(small)).isTrue();
    assertThat(QuickCompilation.Mode.AUTO.appliesTo(large)).isFalse();
    assertThat(QuickCompilation.Mode.QUICK.appliesTo(large)).isTrue();
    assertThat(QuickCompilation.Mode.FULL.appliesTo(small)).isFalse();
  }

  @Test
  void theEnvironmentNamesTheMode() {
    assertThat(QuickCompilation.Mode.of(null)).isEqualTo(QuickCompilation.Mode.AUTO);
    assertThat(QuickCompilation.Mode.of("")).isEqualTo(QuickCompilation.Mode.AUTO);
    assertThat(QuickCompilation.Mode.of("auto")).isEqualTo(QuickCompilation.Mode.AUTO);
    assertThat(QuickCompilation.Mode.of("quick")).isEqualTo(QuickCompilation.Mode.QUICK);
    assertThat(QuickCompilation.Mode.of("full")).isEqualTo(QuickCompilation.Mode.FULL);
    assertThatThrownBy(() -> QuickCompilation.Mode.of("C2"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("BATCHSWEEP_JIT: 'C2' is not a JIT mode; accepted: auto, quick, full");
  }
}
