package org.batchsweep.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schedules against PyTorch's formulas worked by hand, and their spelling. */
class ScheduleTest {

  static double[] lrs(Schedule schedule, double lr, int epochs, int stepsPerEpoch) {
    LrSchedule state = LrSchedule.of(schedule, lr, epochs, stepsPerEpoch);
    double[] out = new double[epochs * stepsPerEpoch];
    for (int t = 1; t <= out.length; t++) {
      state.at(t);
      out[t - 1] = state.lr();
    }
    return out;
  }

  @Test
  void stepHalvesEveryTwoEpochsAfterTheEpochsLastBatch() {
    assertThat(lrs(new Schedule.Step(2, 0.5), 0.1, 5, 2))
        .containsExactly(0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025);
  }

  @Test
  void cosineFollowsPyTorchsRecursionWhichMatchesTheClosedFormToRounding() {
    int epochs = 7;
    double lr = 0.3, min = 0.01;
    double[] got = lrs(new Schedule.Cosine(min), lr, epochs, 1);
    // The recursion by hand: lr_e = (1+cos(πe/T))/(1+cos(π(e−1)/T))·(lr_{e−1} − η) + η.
    double expected = lr;
    for (int e = 0; e < epochs; e++) {
      if (e > 0) {
        expected =
            (1 + Math.cos(Math.PI * e / epochs))
                    / (1 + Math.cos(Math.PI * (e - 1) / epochs))
                    * (expected - min)
                + min;
      }
      assertThat(got[e]).as("epoch %d", e + 1).isCloseTo(expected, within(1e-16));
      double closed = min + (lr - min) * (1 + Math.cos(Math.PI * e / epochs)) / 2;
      assertThat(got[e]).isCloseTo(closed, within(1e-15));
    }
    assertThat(new Schedule.Cosine(0).label()).isEqualTo("cosine");
  }

  @Test
  void warmupRisesLinearlyFromTheFactorToTheLr() {
    // LinearLR(start 0.5, total 2): 0.5, 0.5·(1 + 0.5/(1 + 0)) = 0.75, 0.75·(1 + 0.5/(1 + 0.5)) =
    // 1, 1.
    double[] got = lrs(new Schedule.Warmup(2, 0.5), 1.0, 4, 1);
    assertThat(got[0]).isEqualTo(0.5);
    assertThat(got[1]).isEqualTo(0.75);
    assertThat(got[2]).isCloseTo(1.0, within(1e-16));
    assertThat(got[3]).isEqualTo(got[2]);
  }

  @Test
  void oneCycleWarmsUpForThirtyPercentThenAnnealsToTheMinimum() {
    // total 10: warm-up ends at step_num 0.3·10 − 1 = 2, the end at 9.
    LrSchedule s = LrSchedule.of(new Schedule.OneCycle(0.1), 0.1, 2, 5);
    s.at(1);
    // end + (start − end)/2·2 in double: 0.1 + (0.004 − 0.1) is 0.004 only to rounding.
    assertThat(s.lr()).isCloseTo(0.1 / 25, within(1e-17));
    assertThat(s.momentum()).isCloseTo(0.95, within(1e-16));
    s.at(2);
    assertThat(s.lr()).isCloseTo(0.1 / 25 + (0.1 - 0.1 / 25) / 2, within(1e-15));
    assertThat(s.momentum()).isCloseTo(0.9, within(1e-15));
    s.at(3);
    assertThat(s.lr()).isCloseTo(0.1, within(1e-17));
    assertThat(s.momentum()).isCloseTo(0.85, within(1e-16));
    s.at(10);
    assertThat(s.lr()).isCloseTo(0.1 / 25 / 1e4, within(1e-18));
    assertThat(s.momentum()).isCloseTo(0.95, within(1e-15));
    assertThat(s.cyclesMomentum()).isTrue();
    assertThat(LrSchedule.of(Schedule.CONSTANT, 0.1, 2, 5).cyclesMomentum()).isFalse();
  }

  @Test
  void lrScalingIsLinearOrSquareRootInTheBatchSize() {
    assertThat(LrScaling.NONE.scale(0.01, 128, 32)).isEqualTo(0.01);
    assertThat(LrScaling.LINEAR.scale(0.01, 128, 32)).isEqualTo(0.04);
    assertThat(LrScaling.SQRT.scale(0.01, 128, 32)).isEqualTo(0.02);
    assertThat(LrScaling.fromLabel("sqrt")).isEqualTo(LrScaling.SQRT);
    assertThatThrownBy(() -> LrScaling.fromLabel("cubic"))
        .hasMessageContaining("accepted: none, linear, sqrt");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "constant|constant",
        "step(5, 0.5)|step(5, 0.5)",
        " step( 5 ,0.5 ) |step(5, 0.5)",
        "cosine|cosine",
        "cosine(0.001)|cosine(0.001)",
        "cosine(0)|cosine",
        "warmup(3, 0.1)|warmup(3, 0.1)",
        "onecycle(0.1)|onecycle(0.1)",
        "step(2, 1)|step(2, 1)"
      })
  void labelsParseBackToTheSameSchedule(String text, String label) {
    Schedule schedule = Schedule.parse(text);
    assertThat(schedule.label()).isEqualTo(label);
    assertThat(Schedule.parse(schedule.label())).isEqualTo(schedule);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "linear              | 'linear' is not a schedule; accepted: constant, step(E, gamma)",
        "step(5)             | 'step(5)' has 1 argument(s)",
        "step(0, 0.5)        | E must be an integer ≥ 1",
        "step(2.5, 0.5)      | E must be an integer ≥ 1",
        "step(5, 0)          | gamma must be in (0, 1]",
        "step(5, 1.5)        | gamma must be in (0, 1]",
        "cosine(-1)          | min_lr must be a finite number ≥ 0",
        "warmup(5, 0)        | factor must be in (0, 1]",
        "warmup(5, 2)        | factor must be in (0, 1]",
        "warmup(0, 0.5)      | E must be an integer ≥ 1",
        "onecycle(0)         | max_lr must be a finite number > 0",
        "onecycle()          | 'onecycle()' has 0 argument(s)",
        "onecycle(fast)      | 'fast' is not a number",
        "constant(1)         | 'constant(1)' has 1 argument(s)",
      })
  void badSchedulesAreRefusedSayingWhatIsAccepted(String text, String message) {
    assertThatThrownBy(() -> Schedule.parse(text.strip()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message.strip());
  }
}
