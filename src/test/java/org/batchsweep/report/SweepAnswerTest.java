package org.batchsweep.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepAnswerTest {

  private static final List<BandCell> SEED_LIKE =
      List.of(
          new BandCell("mse", true, 10, "converged", 5, -4.0, 10000, 500),
          new BandCell("mse", true, 1000, "step-budget", 5, -4.0, 100, 531),
          new BandCell("mse-broadcast", true, 10, "wrong-objective", 5, -0.40, 10000, 300),
          new BandCell("mse-broadcast", true, 20, "wrong-objective", 4, -0.18, 5000, 300),
          new BandCell("mse-broadcast", true, 20, "step-budget", 1, -0.18, 5000, 6000),
          new BandCell("mse-broadcast", true, 1000, "step-budget", 5, 0.0, 100, 292));

  @Test
  void namesTheDominantDiagnosisOfEachStretchOfBatchSizesWithItsNumbers() {
    List<String> answer = SweepAnswer.paragraphs(SEED_LIKE, -4.0);
    assertThat(answer.get(0))
        .isEqualTo("mse, shuffled: B 10 converged (5 of 5 runs); B 1000 step-budget (5 of 5 runs), 100 steps at"
            + " B 1000 and 100 at B 1000 against at least 531 and 531 needed.");
    assertThat(answer.get(1))
        .startsWith("mse-broadcast, shuffled: B 10-20 wrong-objective (9 of 10 runs), heading for its own"
            + " minimiser, slope -0.40 at B 10 to -0.18 at B 20; B 1000 step-budget (5 of 5 runs)");
  }

  @Test
  void explainsBothCausesAndThatTheLearningRateCannotFixTheBroadcast() {
    List<String> answer = SweepAnswer.paragraphs(SEED_LIKE, -4.0);
    assertThat(answer).anySatisfy(p -> assertThat(p).startsWith("The loss compares the wrong things (9 runs)")
        .contains("No learning rate, step count or optimizer fixes this"));
    assertThat(answer).anySatisfy(p -> assertThat(p).startsWith("Too few steps (11 runs)")
        .containsPattern("100 at B 1000, against at least (292|531) needed"));
    assertThat(answer.get(answer.size() - 1)).isEqualTo("5 of 25 runs converged to the reference line.");
  }

  @Test
  void saysNothingOfCausesThatDidNotOccur() {
    List<String> answer =
        SweepAnswer.paragraphs(List.of(new BandCell("mse", false, 10, "converged", 3, -4, 100, 50)), -4.0);
    assertThat(answer).containsExactly(
        "mse, fixed order: B 10 converged (3 of 3 runs).", "3 of 3 runs converged to the reference line.");
  }
}
