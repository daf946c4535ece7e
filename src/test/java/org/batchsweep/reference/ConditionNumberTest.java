package org.batchsweep.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConditionNumberTest {

  @Test
  void oneFeatureIsOneAndADiagonalMatrixIsItsLargestOverSmallestEntry() {
    assertThat(ConditionNumber.of(new double[][] {{7.5}})).isEqualTo(1.0);
    assertThat(ConditionNumber.of(new double[][] {{4, 0, 0}, {0, 100, 0}, {0, 0, 1}}))
        .isCloseTo(100.0, within(1e-12));
  }

  @Test
  void aRotatedMatrixHasTheConditionNumberOfItsEigenvalues() {
    // Q·diag(2, 2000)·Qᵀ with Q a rotation by 0.3 rad: the same eigenvalues, off-diagonal entries.
    double c = Math.cos(0.3);
    double s = Math.sin(0.3);
    double a = 2 * c * c + 2000 * s * s;
    double b = (2 - 2000) * c * s;
    double d = 2 * s * s + 2000 * c * c;
    assertThat(ConditionNumber.of(new double[][] {{a, b}, {b, d}}))
        .isCloseTo(1000.0, within(1e-9 * 1000));
  }

  @Test
  void collinearOrConstantFeaturesAreInfinitelyIllConditioned() {
    // x2 = 2·x1: covariance [[v, 2v], [2v, 4v]] is singular.
    assertThat(ConditionNumber.of(new double[][] {{1, 2}, {2, 4}}))
        .isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(ConditionNumber.of(new double[][] {{0}})).isEqualTo(Double.POSITIVE_INFINITY);
  }
}
