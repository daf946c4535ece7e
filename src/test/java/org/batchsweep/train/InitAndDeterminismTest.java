package org.batchsweep.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.batchsweep.core.Init;
import org.batchsweep.core.Loss;
import org.batchsweep.core.Points;
import org.batchsweep.core.Precision;
import org.batchsweep.core.RunConfig;
import org.batchsweep.core.RunOutcome;
import org.batchsweep.core.TrainingSet;
import org.batchsweep.optim.AdamConfig;
import org.junit.jupiter.api.Test;

class InitAndDeterminismTest {

  @Test
  void kaimingInitOfALinear1x1IsUniformOnMinusOneToOne() {
    double min = 1, max = -1, sum = 0;
    int draws = 20_000;
    for (long seed = 0; seed < draws; seed++) {
      double[] p = Init.KAIMING.draw(seed);
      for (double v : p) {
        assertThat(v).isGreaterThanOrEqualTo(-1.0).isLessThan(1.0);
        min = Math.min(min, v);
        max = Math.max(max, v);
        sum += v;
      }
    }
    assertThat(min).isLessThan(-0.99);
    assertThat(max).isGreaterThan(0.99);
    assertThat(sum / (2 * draws)).isBetween(-0.02, 0.02);
  }

  @Test
  void fixedValuesWinAndAnUnsetParameterKeepsItsKaimingDraw() {
    assertThat(new Init(0.3, -0.2).draw(5)).containsExactly(0.3, -0.2);
    double[] kaiming = Init.KAIMING.draw(5);
    assertThat(new Init(0.3, null).draw(5)).containsExactly(0.3, kaiming[1]);
    assertThat(Init.KAIMING.draw(5)).isEqualTo(kaiming);
    assertThat(Init.KAIMING.draw(6)).isNotEqualTo(kaiming);
  }

  @Test
  void theSameRunGivesTheSameBitsEveryTimeAndInAnyGroup() {
    double[] x = new double[300];
    double[] y = new double[300];
    for (int i = 0; i < 300; i++) {
      x[i] = i / 299.0;
      y[i] = -4 * x[i] + 0.05 * Math.cos(i * 1.3);
    }
    TrainingSet data = new TrainingSet(new Points(x, y), null);
    RunConfig run =
        new RunConfig(
            "a",
            AdamConfig.withDefaults(0.01),
            Loss.MSE,
            32,
            true,
            20,
            11,
            Precision.FLOAT32,
            Init.KAIMING);
    RunConfig other =
        new RunConfig(
            "b",
            AdamConfig.withDefaults(0.05),
            Loss.MSE_BROADCAST,
            7,
            true,
            5,
            11,
            Precision.FLOAT32,
            Init.KAIMING);
    RunOutcome alone = FastTrainer.train(data, List.of(run), false).get(0);
    RunOutcome grouped = FastTrainer.train(data, List.of(other, run), false).get(1);
    RunOutcome again = FastTrainer.train(data, List.of(run), false).get(0);
    for (RunOutcome outcome : List.of(grouped, again)) {
      assertThat(Double.doubleToRawLongBits(outcome.slope()))
          .isEqualTo(Double.doubleToRawLongBits(alone.slope()));
      assertThat(Double.doubleToRawLongBits(outcome.intercept()))
          .isEqualTo(Double.doubleToRawLongBits(alone.intercept()));
      assertThat(outcome.lastBatchLoss()).isEqualTo(alone.lastBatchLoss());
    }
    RunOutcome perSample = PerSampleTrainer.train(data, run, false);
    assertThat(PerSampleTrainer.train(data, run, false).slope()).isEqualTo(perSample.slope());
  }
}
