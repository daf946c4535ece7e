package org.batchsweep.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.batchsweep.diagnose.ScalingFit.Point;
import org.junit.jupiter.api.Test;

class ScalingFitTest {

  private static List<Point> model(double sMin, double bCrit, double noise, long seed) {
    Random random = new Random(seed);
    List<Point> points = new ArrayList<>();
    for (int b : new int[] {1, 2, 5, 10, 17, 31, 56, 100, 177, 316, 562, 1000}) {
      double steps = sMin * (1 + bCrit / b);
      points.add(new Point(b, steps * (1 + noise * random.nextGaussian())));
    }
    return points;
  }

  @Test
  void exactDataGiveBackTheModelsParameters() {
    ScalingFit fit = ScalingFit.of(model(240, 37, 0, 0));
    assertThat(fit.sMin()).isCloseTo(240, within(1e-9));
    assertThat(fit.bCrit()).isCloseTo(37, within(1e-9));
    assertThat(fit.eMin()).isCloseTo(240 * 37, within(1e-6));
    assertThat(fit.r2()).isCloseTo(1, within(1e-12));
    assertThat(fit.points()).isEqualTo(12);
  }

  @Test
  void noisyDataGiveThemBackApproximately() {
    for (long seed = 0; seed < 5; seed++) {
      ScalingFit fit = ScalingFit.of(model(500, 8, 0.01, seed));
      assertThat(fit.sMin()).isCloseTo(500, within(25.0));
      assertThat(fit.bCrit()).isCloseTo(8, within(0.8));
      assertThat(fit.r2()).isGreaterThan(0.99);
    }
  }

  @Test
  void twoBatchSizesAreTooFewToFit() {
    assertThat(ScalingFit.of(List.of(new Point(10, 100), new Point(20, 60), new Point(20, 61))))
        .isNull();
  }

  @Test
  void stepsThatDoNotFallWithTheBatchHaveNoCriticalBatchSize() {
    ScalingFit fit =
        ScalingFit.of(List.of(new Point(1, 100), new Point(10, 120), new Point(100, 140)));
    assertThat(fit.eMin()).isNegative();
    assertThat(fit.bCrit()).isNaN();
  }
}
