package org.batchsweep.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.batchsweep.core.Points;
import org.batchsweep.spec.DataSpec;
import org.batchsweep.spec.SpecLoader;
import org.junit.jupiter.api.Test;

class LinearPointsTest {

  private static DataSpec spec(String... overrides) {
    List<String> all =
        new java.util.ArrayList<>(
            List.of(
                "data.kind=linear",
                "data.weights=[2.0, -1.0, 0.5]",
                "data.feature_scales=[1, 10, 1000]",
                "data.x_range=[-1, 3]"));
    all.addAll(List.of(overrides));
    return SpecLoader.loadText("", "test", all).data();
  }

  @Test
  void featuresAreUniformOnTheRangeTimesTheirScaleAndYIsTheLinearModelWithoutNoise() {
    Points p = LinearPoints.generate(spec("data.noise=0", "data.intercept=0.25"), 0);
    assertThat(p.features()).isEqualTo(3);
    assertThat(p.size()).isEqualTo(1000);
    double[] scale = {1, 10, 1000};
    for (int i = 0; i < p.size(); i++) {
      double expected = 0.25;
      double[] w = {2.0, -1.0, 0.5};
      for (int j = 0; j < 3; j++) {
        assertThat(p.x(i, j)).isBetween(-1.0 * scale[j], 3.0 * scale[j]);
        expected += w[j] * p.x(i, j);
      }
      assertThat(p.y()[i]).isCloseTo(expected, within(1e-9));
    }
    // uniform: the mean and variance of U(-1, 3)·s are s and 16/12·s²
    for (int j = 0; j < 3; j++) {
      assertThat(p.meanX(j) / scale[j]).isCloseTo(1.0, within(0.1));
      assertThat(p.cov(j, j) / (scale[j] * scale[j])).isCloseTo(16.0 / 12, within(0.15));
    }
  }

  @Test
  void theNoiseHasTheRequestedSpread() {
    DataSpec noisy = spec("data.noise=0.5", "data.n=20000");
    Points p = LinearPoints.generate(noisy, 0);
    double sumSq = 0;
    for (int i = 0; i < p.size(); i++) {
      double r = p.y()[i] - (2.0 * p.x(i, 0) - 1.0 * p.x(i, 1) + 0.5 * p.x(i, 2));
      sumSq += r * r;
    }
    assertThat(Math.sqrt(sumSq / p.size())).isCloseTo(0.5, within(0.01));
  }

  @Test
  void eachPointIsItsOwnDrawSoPointsDoNotDependOnNAndSplitsAndSeedsDiffer() {
    Points small = LinearPoints.generate(spec("data.n=10"), LinePoints.TRAIN_SPLIT);
    Points large = LinearPoints.generate(spec("data.n=20"), LinePoints.TRAIN_SPLIT);
    assertThat(Arrays.copyOf(large.x(), 30)).containsExactly(small.x());
    assertThat(Arrays.copyOf(large.y(), 10)).containsExactly(small.y());
    assertThat(LinearPoints.generate(spec("data.n=10"), LinePoints.TRAIN_SPLIT).x())
        .containsExactly(small.x());
    assertThat(LinearPoints.generate(spec("data.n=10"), LinePoints.VALIDATION_SPLIT).x())
        .isNotEqualTo(small.x());
    assertThat(LinearPoints.generate(spec("data.n=10", "data.seed=1"), 0).x())
        .isNotEqualTo(small.x());
  }

  @Test
  void theLoaderGivesLinearDataAFreshValidationDrawAndNames() {
    SweepData data = DataLoader.load(spec("data.n=50"), null);
    assertThat(data.train().features()).isEqualTo(3);
    assertThat(data.validation().size()).isEqualTo(50);
    assertThat(data.featureNames()).containsExactly("x1", "x2", "x3");
    assertThat(DataLoader.load(spec("data.validation=none"), null).validation()).isNull();
  }
}
