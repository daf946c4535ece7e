package org.batchsweep.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The critical-batch sentence, from stored rows built here. */
class CriticalBatchTest {

  @Test
  void theSentenceSetsMeasuredAgainstPredicted() {
    List<String> paragraphs = CriticalBatchAnswer.paragraphs(BatchScalingSamples.scaling());
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
    BatchScaling.Setting s = BatchScalingSamples.fitted();
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
