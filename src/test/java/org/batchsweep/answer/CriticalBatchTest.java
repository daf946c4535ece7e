package org.batchsweep.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The critical-batch sentence, from stored rows built here. */
class CriticalBatchTest {

  private static final List<Integer> SIZES = List.of(1, 10, 100, 1000);

  static BatchScaling.Setting fitted() {
    List<Double> steps = SIZES.stream().map(b -> 40.0 * (1 + 24.0 / b)).toList();
    return new BatchScaling.Setting(
        "optimizer=sgd",
        40.0,
        960.0,
        24.0,
        0.4368,
        0.994,
        SIZES,
        steps,
        List.of(0.03, 0.3, 0.5, 0.5),
        4,
        "fitted on 4 of 4 batch sizes",
        17);
  }

  static BatchScaling.Setting tooFew() {
    return new BatchScaling.Setting(
        "optimizer=adam",
        Double.NaN,
        Double.NaN,
        Double.NaN,
        0.4368,
        Double.NaN,
        List.of(10, 20),
        List.of(500.0, 300.0),
        List.of(0.01, 0.01),
        12,
        "too few converged batch sizes to fit: 2 of 12 (a fit needs 3)",
        17);
  }

  static BatchScaling scaling() {
    return new BatchScaling(List.of(tooFew(), fitted()), 0.4342, 0.4361, 1000);
  }

  @Test
  void theSentenceSetsMeasuredAgainstPredicted() {
    List<String> paragraphs = CriticalBatchAnswer.paragraphs(scaling());
    assertThat(paragraphs).hasSize(2);
    assertThat(paragraphs.get(1))
        .contains("optimizer=sgd: measured ≈ 24.0 (S_min 40.0 steps, E_min 960 examples")
        .contains("over 4 of 4 batch sizes, B 1-1000, best of 17 lrs per batch size)")
        .contains("predicted B_noise ≈ 0.436 (halfway to the line; 0.434 at zero)")
        .contains("measured/predicted = 55.0")
        .doesNotContain("without replacement");
    assertThat(paragraphs.get(0))
        .contains("optimizer=adam: too few converged batch sizes to fit: 2 of 12 (a fit needs 3)")
        .contains("predicted B_noise ≈ 0.436");
  }

  @Test
  void aLargeFiniteDataCorrectionIsSpelledOut() {
    BatchScaling.Setting s = fitted();
    BatchScaling big = new BatchScaling(List.of(s), 300, 300, 1000);
    BatchScaling.Setting corrected =
        new BatchScaling.Setting(
            s.setting(),
            s.sMin(),
            s.eMin(),
            s.bCrit(),
            300 * 1000 / 699.0,
            s.r2(),
            s.batchSizes(),
            s.steps(),
            s.lrs(),
            s.tried(),
            s.note(),
            1);
    assertThat(CriticalBatchAnswer.sentence(corrected, big))
        .contains("429 for batches drawn without replacement from 1000 points")
        .contains("one lr for every batch size, not tuned per batch size");
  }
}
