package org.batchsweep.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.batchsweep.core.Points;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.junit.jupiter.api.Test;

class LinePointsTest {

  private static SweepSpec spec(String... overrides) {
    return SpecLoader.loadText("", "test", List.of(overrides));
  }

  @Test
  void xIsEvenlySpacedAndTheNoiseHasTheRequestedSpread() {
    Points p = LinePoints.generate(spec("data.n=10001").data(), LinePoints.TRAIN_SPLIT);
    assertThat(p.x()[0]).isEqualTo(0.0);
    assertThat(p.x()[5000]).isEqualTo(0.5);
    assertThat(p.x()[10000]).isEqualTo(1.0);
    double sumSq = 0;
    for (int i = 0; i < p.size(); i++) {
      double noise = p.y()[i] + 4 * p.x()[i];
      sumSq += noise * noise;
    }
    assertThat(Math.sqrt(sumSq / p.size())).isCloseTo(0.05, within(0.002));
  }

  @Test
  void theSameSeedGivesTheSamePointsAndValidationIsAnIndependentDraw() {
    SweepSpec spec = spec();
    Points train = LinePoints.generate(spec.data(), LinePoints.TRAIN_SPLIT);
    assertThat(LinePoints.generate(spec.data(), LinePoints.TRAIN_SPLIT).y()).isEqualTo(train.y());
    Points validation = LinePoints.generate(spec.data(), LinePoints.VALIDATION_SPLIT);
    assertThat(validation.x()).isEqualTo(train.x());
    assertThat(validation.y()).isNotEqualTo(train.y());
    assertThat(LinePoints.generate(spec("data.seed=1").data(), 0).y()).isNotEqualTo(train.y());
  }

  @Test
  void theMseOfALineFromMomentsEqualsTheSumOverPoints() {
    Points p = LinePoints.generate(spec("data.n=777").data(), LinePoints.TRAIN_SPLIT);
    double w = -3.7, b = 0.12, direct = 0;
    for (int i = 0; i < p.size(); i++) {
      double r = w * p.x()[i] + b - p.y()[i];
      direct += r * r / p.size();
    }
    assertThat(p.mse(w, b)).isCloseTo(direct, within(1e-14));
  }
}
