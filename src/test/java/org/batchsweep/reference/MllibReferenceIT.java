package org.batchsweep.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.batchsweep.core.Points;
import org.batchsweep.core.Reference;
import org.batchsweep.testing.SharedSparkSession;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * MLlib's reference against the least-squares solution computed here: the normal equations (XᵀX)β =
 * Xᵀy with a column of ones for the intercept, formed and solved in 60-digit decimal arithmetic, on
 * features in raw units from 1 to 1000.
 */
class MllibReferenceIT extends SharedSparkSession {

  private static final MathContext EXACT = new MathContext(60);
  private static final int N = 400;

  /** Features x_j ~ U(0, 1)·scale_j, scales geometric from 1 to 1000; y linear plus noise. */
  private static double[][] draw(int d, long seed, int n) {
    Random random = new Random(seed);
    double[][] rows = new double[n][d + 1];
    for (int i = 0; i < n; i++) {
      double y = 0.7;
      for (int j = 0; j < d; j++) {
        double scale = d == 1 ? 1000 : Math.pow(1000, j / (double) (d - 1));
        rows[i][j] = random.nextDouble() * scale;
        y += (j % 2 == 0 ? 1 : -1) * (1 + j) / scale * rows[i][j];
      }
      rows[i][d] = y + 0.05 * random.nextGaussian();
    }
    return rows;
  }

  private static List<String> names(int d) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      names.add(d == 1 ? "x" : "f" + j);
    }
    return names;
  }

  private static Dataset<Row> frame(double[][] rows, List<String> names) {
    List<StructField> fields = new ArrayList<>();
    names.forEach(
        name -> fields.add(DataTypes.createStructField(name, DataTypes.DoubleType, false)));
    fields.add(DataTypes.createStructField("y", DataTypes.DoubleType, false));
    List<Row> data = new ArrayList<>();
    for (double[] row : rows) {
      Object[] values = new Object[row.length];
      for (int c = 0; c < row.length; c++) {
        values[c] = row[c];
      }
      data.add(RowFactory.create(values));
    }
    return spark.createDataFrame(data, new StructType(fields.toArray(new StructField[0])));
  }

  /** β = (weights…, intercept) solving (AᵀA)β = Aᵀy, A = [X, 1], in decimal arithmetic. */
  private static double[] normalEquations(double[][] rows, int d) {
    int m = d + 1;
    BigDecimal[][] system = new BigDecimal[m][m + 1];
    for (BigDecimal[] row : system) {
      java.util.Arrays.fill(row, BigDecimal.ZERO);
    }
    for (double[] row : rows) {
      BigDecimal[] a = new BigDecimal[m];
      for (int j = 0; j < d; j++) {
        a[j] = new BigDecimal(row[j]);
      }
      a[d] = BigDecimal.ONE;
      BigDecimal y = new BigDecimal(row[d]);
      for (int j = 0; j < m; j++) {
        for (int k = 0; k < m; k++) {
          system[j][k] = system[j][k].add(a[j].multiply(a[k]));
        }
        system[j][m] = system[j][m].add(a[j].multiply(y));
      }
    }
    // Gaussian elimination with partial pivoting.
    for (int col = 0; col < m; col++) {
      int pivot = col;
      for (int r = col + 1; r < m; r++) {
        if (system[r][col].abs().compareTo(system[pivot][col].abs()) > 0) {
          pivot = r;
        }
      }
      BigDecimal[] swap = system[col];
      system[col] = system[pivot];
      system[pivot] = swap;
      for (int r = col + 1; r < m; r++) {
        BigDecimal factor = system[r][col].divide(system[col][col], EXACT);
        for (int c = col; c <= m; c++) {
          system[r][c] = system[r][c].subtract(factor.multiply(system[col][c]), EXACT);
        }
      }
    }
    BigDecimal[] beta = new BigDecimal[m];
    for (int r = m - 1; r >= 0; r--) {
      BigDecimal sum = system[r][m];
      for (int c = r + 1; c < m; c++) {
        sum = sum.subtract(system[r][c].multiply(beta[c]), EXACT);
      }
      beta[r] = sum.divide(system[r][r], EXACT);
    }
    double[] result = new double[m];
    for (int j = 0; j < m; j++) {
      result[j] = beta[j].doubleValue();
    }
    return result;
  }

  private static double mse(double[][] rows, double[] beta) {
    int d = beta.length - 1;
    double sum = 0;
    for (double[] row : rows) {
      double r = beta[d] - row[d];
      for (int j = 0; j < d; j++) {
        r += beta[j] * row[j];
      }
      sum += r * r;
    }
    return sum / rows.length;
  }

  @ParameterizedTest(name = "d = {0}")
  @ValueSource(ints = {1, 3, 10})
  void theReferenceIsTheLeastSquaresSolutionOfTheNormalEquations(int d) {
    double[][] train = draw(d, 11 + d, N);
    double[][] validation = draw(d, 101 + d, N / 2);
    List<String> names = names(d);
    Reference reference =
        d == 1
            ? MllibReference.fit(frame(train, names), frame(validation, names))
            : MllibReference.fit(frame(train, names), frame(validation, names), names, "y");
    double[] beta = normalEquations(train, d);

    assertThat(reference.method()).isEqualTo(MllibReference.METHOD);
    assertThat(reference.features()).isEqualTo(d);
    for (int j = 0; j < d; j++) {
      assertThat(reference.weight(j)).isCloseTo(beta[j], within(1e-9 * Math.abs(beta[j])));
    }
    assertThat(reference.slope()).isEqualTo(reference.weight(0));
    assertThat(reference.intercept()).isCloseTo(beta[d], within(1e-9 * Math.abs(beta[d])));
    double trainMse = mse(train, beta);
    assertThat(reference.trainMse()).isCloseTo(trainMse, within(1e-9 * trainMse));
    double validationMse = mse(validation, beta);
    assertThat(reference.validationMse()).isCloseTo(validationMse, within(1e-9 * validationMse));
    double meanY = 0;
    for (double[] row : train) {
      meanY += row[d] / N;
    }
    double total = 0;
    for (double[] row : train) {
      total += (row[d] - meanY) * (row[d] - meanY) / N;
    }
    assertThat(reference.r2()).isCloseTo(1 - trainMse / total, within(1e-9));
  }

  @ParameterizedTest(name = "d = {0}")
  @ValueSource(ints = {1, 2, 10})
  void theConditionNumberIsThatOfTheCentredFeatureCovariance(int d) {
    double[][] train = draw(d, 7, N);
    List<String> names = names(d);
    Reference reference = MllibReference.fit(frame(train, names), null, names, "y");
    assertThat(reference.validationMse()).isNaN();
    double[] x = new double[N * d];
    double[] y = new double[N];
    for (int i = 0; i < N; i++) {
      System.arraycopy(train[i], 0, x, i * d, d);
      y[i] = train[i][d];
    }
    Points points = new Points(d, x, y);
    if (d == 1) {
      assertThat(reference.conditionNumber()).isEqualTo(1.0);
      return;
    }
    double expected;
    if (d == 2) {
      // the eigenvalues of a 2×2 covariance in closed form
      double a = points.cov(0, 0);
      double b = points.cov(0, 1);
      double c = points.cov(1, 1);
      double root = Math.hypot((a - c) / 2, b);
      expected = ((a + c) / 2 + root) / ((a + c) / 2 - root);
    } else {
      double[][] cov = new double[d][d];
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          cov[j][k] = points.cov(j, k);
        }
      }
      expected = ConditionNumber.of(cov);
    }
    // features in raw units from 1 to 1000: the covariance's eigenvalues span about 10^6
    assertThat(expected).isGreaterThan(1e5);
    assertThat(reference.conditionNumber()).isCloseTo(expected, within(1e-7 * expected));
  }
}
