package org.batchsweep.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Random;
import org.batchsweep.core.SymmetricEigenvalues;
import org.junit.jupiter.api.Test;

/**
 * The noise scale from the one-pass sums against a brute-force computation from the per-example
 * gradients g_i = 2(wᵀx_i + b − y_i)·(x_i, 1), done here in double without any of the algebra.
 */
class NoiseMomentsTest {

  /** G, Σ (population), H, and what the table reports, straight from the definitions. */
  private record BruteForce(
      double bSimple, double bNoise, double gradNorm2, double traceSigma, double[][] h) {

    static BruteForce of(double[][] x, double[] y, double[] theta) {
      int n = y.length;
      int m = theta.length;
      double[][] g = new double[n][m];
      double[] mean = new double[m];
      double[][] h = new double[m][m];
      for (int i = 0; i < n; i++) {
        double[] z = new double[m];
        System.arraycopy(x[i], 0, z, 0, m - 1);
        z[m - 1] = 1;
        double r = -y[i];
        for (int j = 0; j < m; j++) {
          r += theta[j] * z[j];
        }
        for (int j = 0; j < m; j++) {
          g[i][j] = 2 * r * z[j];
          mean[j] += g[i][j] / n;
          for (int k = 0; k < m; k++) {
            h[j][k] += 2 * z[j] * z[k] / n;
          }
        }
      }
      double[][] sigma = new double[m][m];
      for (double[] gi : g) {
        for (int j = 0; j < m; j++) {
          for (int k = 0; k < m; k++) {
            sigma[j][k] += (gi[j] - mean[j]) * (gi[k] - mean[k]) / n;
          }
        }
      }
      double norm2 = 0;
      double trace = 0;
      double traceHSigma = 0;
      double gHg = 0;
      for (int j = 0; j < m; j++) {
        norm2 += mean[j] * mean[j];
        trace += sigma[j][j];
        for (int k = 0; k < m; k++) {
          // tr(HΣ) as a matrix product's trace: Σ_j (HΣ)_jj.
          traceHSigma += h[j][k] * sigma[k][j];
          gHg += mean[j] * h[j][k] * mean[k];
        }
      }
      return new BruteForce(trace / norm2, traceHSigma / gHg, norm2, trace, h);
    }
  }

  private static void assertAgrees(NoiseScale fast, BruteForce slow) {
    assertThat(fast.gradNorm2()).isCloseTo(slow.gradNorm2(), withinPercentage(1e-8));
    assertThat(fast.traceSigma()).isCloseTo(slow.traceSigma(), withinPercentage(1e-8));
    assertThat(fast.bSimple()).isCloseTo(slow.bSimple(), withinPercentage(1e-8));
    assertThat(fast.bNoise()).isCloseTo(slow.bNoise(), withinPercentage(1e-8));
  }

  @Test
  void oneFeatureMatchesThePerExampleGradientsAtZeroHalfwayAndElsewhere() {
    int n = 1000;
    Random random = new Random(11);
    double[][] x = new double[n][1];
    double[] y = new double[n];
    NoiseMoments sums = NoiseMoments.empty(1);
    for (int i = 0; i < n; i++) {
      x[i][0] = i / (double) (n - 1);
      y[i] = -4 * x[i][0] + 0.05 * random.nextGaussian();
      sums.add(x[i][0], y[i]);
    }
    for (double[] theta : new double[][] {{0, 0}, {-2, 0.01}, {-3.9, 0.02}, {1.5, -2}}) {
      NoiseScale fast = sums.at(theta);
      BruteForce slow = BruteForce.of(x, y, theta);
      assertAgrees(fast, slow);
      // For one feature H = 2·[[E x², E x], [E x, 1]] has closed-form eigenvalues.
      double ex = slow.h()[0][1] / 2;
      double exx = slow.h()[0][0] / 2;
      double half = (exx + 1) / 2;
      double radius = Math.sqrt((exx - 1) * (exx - 1) / 4 + ex * ex);
      assertThat(fast.lambdaMax()).isCloseTo(2 * (half + radius), within(1e-12));
      assertThat(fast.lambdaMin()).isCloseTo(2 * (half - radius), within(1e-12));
    }
  }

  @Test
  void severalFeaturesMatchThePerExampleGradientsWhateverOrderThePointsAreAddedIn() {
    int n = 400;
    int d = 3;
    Random random = new Random(5);
    double[][] x = new double[n][d];
    double[] y = new double[n];
    NoiseMoments left = NoiseMoments.empty(d);
    NoiseMoments right = NoiseMoments.empty(d);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = random.nextGaussian() * (j + 1) + j;
      }
      y[i] = 2 * x[i][0] - x[i][1] + 0.5 * x[i][2] + 3 + random.nextGaussian();
      (i % 3 == 0 ? left : right).add(x[i], y[i]);
    }
    NoiseMoments all = left.merge(right);
    assertThat(all.count()).isEqualTo(n);
    for (double[] theta : new double[][] {{0, 0, 0, 0}, {1, -0.5, 0.25, 1.5}, {-1, 2, 0, 7}}) {
      NoiseScale fast = all.at(theta);
      BruteForce slow = BruteForce.of(x, y, theta);
      assertAgrees(fast, slow);
      // Eigenvalues: their sum is the trace, and each makes H − λI singular.
      double[][] h = slow.h();
      double[] eigen = SymmetricEigenvalues.of(h);
      assertThat(fast.lambdaMin()).isCloseTo(eigen[0], withinPercentage(1e-8));
      assertThat(fast.lambdaMax()).isCloseTo(eigen[d], withinPercentage(1e-8));
      double trace = 0;
      double sum = 0;
      for (int j = 0; j <= d; j++) {
        trace += h[j][j];
        sum += eigen[j];
        assertThat(determinant(shift(h, eigen[j])))
            .isCloseTo(0, within(1e-8 * Math.pow(eigen[d], d + 1)));
      }
      assertThat(sum).isCloseTo(trace, within(1e-10 * trace));
      assertThat(fast.lambdaMin()).isPositive();
    }
  }

  @Test
  void withoutReplacementTheCriticalBatchGrowsAndIsUnboundedOnceNoiseOutscalesTheData() {
    assertThat(NoiseScale.withoutReplacement(10, 1000)).isCloseTo(10 * 1000 / 989.0, within(1e-12));
    assertThat(NoiseScale.withoutReplacement(0.5, 1000))
        .isCloseTo(0.5 * 1000 / 998.5, within(1e-12));
    assertThat(NoiseScale.withoutReplacement(999, 1000)).isInfinite();
  }

  private static double[][] shift(double[][] h, double lambda) {
    double[][] a = new double[h.length][];
    for (int i = 0; i < h.length; i++) {
      a[i] = h[i].clone();
      a[i][i] -= lambda;
    }
    return a;
  }

  private static double determinant(double[][] a) {
    int m = a.length;
    if (m == 1) {
      return a[0][0];
    }
    double det = 0;
    for (int c = 0; c < m; c++) {
      double[][] minor = new double[m - 1][m - 1];
      for (int i = 1; i < m; i++) {
        for (int j = 0, k = 0; j < m; j++) {
          if (j != c) {
            minor[i - 1][k++] = a[i][j];
          }
        }
      }
      det += (c % 2 == 0 ? 1 : -1) * a[0][c] * determinant(minor);
    }
    return det;
  }
}
