package org.batchsweep.reference;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.core.Reference;

/**
 * Fits MLlib's {@link LinearRegression} with the normal-equations solver and no regularisation: the
 * exact least-squares fit, computed by Spark over the training DataFrame, on the feature vector
 * assembled from the feature columns. With more than one feature it also computes the centred
 * feature covariance (Spark's two-pass {@link RowMatrix#computeCovariance()}) for the condition
 * number; one feature's is 1.
 */
public final class MllibReference {

  public static final String METHOD = "mllib-normal";
  private static final String FEATURES = "features";

  private MllibReference() {}

  /**
   * One feature.
   *
   * @param train rows with double columns x and y
   * @param validation the same for the validation split, or null
   */
  public static Reference fit(Dataset<Row> train, Dataset<Row> validation) {
    return fit(train, validation, List.of("x"), "y");
  }

  /**
   * @param train rows with numeric feature columns and a numeric label column
   * @param validation the same for the validation split, or null
   * @param featureColumns the feature columns, in the order of the reference's weights
   * @param labelColumn the target column
   */
  public static Reference fit(
      Dataset<Row> train,
      Dataset<Row> validation,
      List<String> featureColumns,
      String labelColumn) {
    VectorAssembler features =
        new VectorAssembler()
            .setInputCols(featureColumns.toArray(new String[0]))
            .setOutputCol(FEATURES);
    Dataset<Row> assembled = features.transform(train);
    LinearRegressionModel model =
        new LinearRegression()
            .setSolver("normal")
            .setRegParam(0.0)
            .setElasticNetParam(0.0)
            .setStandardization(false)
            .setFitIntercept(true)
            .setLabelCol(labelColumn)
            .setFeaturesCol(FEATURES)
            .fit(assembled);
    double validationMse =
        validation == null
            ? Double.NaN
            : model.evaluate(features.transform(validation)).meanSquaredError();
    return new Reference(
        METHOD,
        model.coefficients().toArray(),
        model.intercept(),
        model.summary().meanSquaredError(),
        validationMse,
        model.summary().r2(),
        featureColumns.size() == 1 ? 1.0 : conditionNumber(assembled));
  }

  private static double conditionNumber(Dataset<Row> assembled) {
    JavaRDD<org.apache.spark.mllib.linalg.Vector> rows =
        assembled.select(FEATURES).javaRDD().map(row -> Vectors.fromML(row.<Vector>getAs(0)));
    Matrix covariance = new RowMatrix(rows.rdd()).computeCovariance();
    int d = covariance.numRows();
    double[][] matrix = new double[d][d];
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < d; k++) {
        matrix[j][k] = covariance.apply(j, k);
      }
    }
    return ConditionNumber.of(matrix);
  }
}
