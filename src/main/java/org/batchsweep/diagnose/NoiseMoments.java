package org.batchsweep.diagnose;

import java.io.Serializable;
import org.batchsweep.core.SymmetricEigenvalues;

/**
 * Sums over the training points from which the gradient noise of the squared loss follows exactly,
 * at any parameters, in one pass.
 *
 * <p>Each point has features x (d of them) and target y. With z = (x, 1) (m = d + 1 components) and
 * u = (z, y), the residual at parameters θ = (w, b) is r = θᵀz − y = φᵀu with φ = (θ, −1). Every
 * quantity of the noise scale is a sum of r² or r times products of z's: expanding r, they all come
 * from the sums
 *
 * <pre>  T[j][k][a][b] = Σ_i z_ij z_ik u_ia u_ib     (j, k &lt; m;  a, b &lt; m + 1)</pre>
 *
 * because z holds the constant 1: Σ z_j z_k = T[j][k][1][1], Σ r z_j = Σ_a φ_a T[j][1][a][1] and Σ
 * r² z_j z_k = Σ_ab φ_a φ_b T[j][k][a][b] (writing 1 for the constant's index). For d = 1 these are
 * the sums of x^p·y^q with p + q ≤ 4 and q ≤ 2 (n, Σx … Σx⁴, Σy … Σx³y, Σy², Σxy², Σx²y²). tr(HΣ)
 * contracts Σ r² z zᵀ with the data's own second moments, which the pass cannot know in advance, so
 * the sums are fourth order in z: O(m⁴) numbers and O(n·m⁴) work (36 numbers for d = 1). Sums are
 * accumulated in double; instances merge, so Spark can add partitions in any order.
 */
public final class NoiseMoments implements Serializable {

  private final int m;
  private long n;

  /** T flattened as ((j·m + k)·(m+1) + a)·(m+1) + b. */
  private final double[] t;

  private NoiseMoments(int features) {
    this.m = features + 1;
    this.t = new double[m * m * (m + 1) * (m + 1)];
  }

  /** No points yet, for {@code features} features per point. */
  public static NoiseMoments empty(int features) {
    if (features < 1) {
      throw new IllegalArgumentException("features must be at least 1, cannot be: " + features);
    }
    return new NoiseMoments(features);
  }

  /** Adds one point; returns this. */
  public NoiseMoments add(double[] x, double y) {
    if (x.length != m - 1) {
      throw new IllegalArgumentException("expected " + (m - 1) + " features, got " + x.length);
    }
    int w = m + 1;
    double[] u = new double[w];
    System.arraycopy(x, 0, u, 0, m - 1);
    u[m - 1] = 1;
    u[m] = y;
    int at = 0;
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < m; k++) {
        double zz = u[j] * u[k];
        for (int a = 0; a < w; a++) {
          double zzu = zz * u[a];
          for (int b = 0; b < w; b++) {
            t[at++] += zzu * u[b];
          }
        }
      }
    }
    n++;
    return this;
  }

  /** Adds one point with a single feature; returns this. */
  public NoiseMoments add(double x, double y) {
    return add(new double[] {x}, y);
  }

  /** Adds {@code other}'s points; returns this. */
  public NoiseMoments merge(NoiseMoments other) {
    if (other.m != m) {
      throw new IllegalArgumentException(
          "cannot merge sums over " + (other.m - 1) + " and " + (m - 1) + " features");
    }
    for (int i = 0; i < t.length; i++) {
      t[i] += other.t[i];
    }
    n += other.n;
    return this;
  }

  public long count() {
    return n;
  }

  public int features() {
    return m - 1;
  }

  /**
   * The noise scale at parameters {@code theta} = (w_1 … w_d, b), from the sums alone.
   *
   * <p>Per-example gradients g_i = 2 r_i z_i; G = mean g_i = 2·mean r z; the population covariance
   * Σ = mean g gᵀ − G Gᵀ = 4·mean r² z zᵀ − G Gᵀ; the Hessian H = 2·mean z zᵀ. Then tr Σ = 4·tr
   * (mean r² z zᵀ) − |G|², tr(HΣ) = Σ_jk H_jk Σ_jk, B_simple = tr Σ / |G|² and B_noise = tr(HΣ) /
   * (GᵀHG).
   */
  public NoiseScale at(double[] theta) {
    if (theta.length != m) {
      throw new IllegalArgumentException(
          "expected " + m + " parameters (weights, intercept), got " + theta.length);
    }
    if (n == 0) {
      throw new IllegalStateException("no points");
    }
    int w = m + 1;
    int one = m - 1;
    double[] phi = new double[w];
    System.arraycopy(theta, 0, phi, 0, m);
    phi[m] = -1;
    double[][] h = new double[m][m];
    double[][] sigma = new double[m][m];
    double[] g = new double[m];
    for (int j = 0; j < m; j++) {
      double rz = 0;
      for (int a = 0; a < w; a++) {
        rz += phi[a] * t[index(j, one, a, one)];
      }
      g[j] = 2 * rz / n;
    }
    for (int j = 0; j < m; j++) {
      for (int k = 0; k < m; k++) {
        h[j][k] = 2 * t[index(j, k, one, one)] / n;
        double rrzz = 0;
        for (int a = 0; a < w; a++) {
          double row = 0;
          for (int b = 0; b < w; b++) {
            row += phi[b] * t[index(j, k, a, b)];
          }
          rrzz += phi[a] * row;
        }
        sigma[j][k] = 4 * rrzz / n - g[j] * g[k];
      }
    }
    double gradNorm2 = 0;
    double traceSigma = 0;
    double traceHSigma = 0;
    double gHg = 0;
    for (int j = 0; j < m; j++) {
      gradNorm2 += g[j] * g[j];
      traceSigma += sigma[j][j];
      for (int k = 0; k < m; k++) {
        traceHSigma += h[j][k] * sigma[j][k];
        gHg += g[j] * h[j][k] * g[k];
      }
    }
    double[] eigen = SymmetricEigenvalues.of(h);
    return new NoiseScale(
        traceSigma / gradNorm2,
        traceHSigma / gHg,
        gradNorm2,
        traceSigma,
        traceHSigma,
        gHg,
        eigen[eigen.length - 1],
        eigen[0]);
  }

  private int index(int j, int k, int a, int b) {
    return ((j * m + k) * (m + 1) + a) * (m + 1) + b;
  }
}
