package org.batchsweep.reference;

import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.core.Reference;

/**
 * Fits MLlib's {@link LinearRegression} with the normal-equations solver and no regularisation: the
 * exact least-squares line, computed by Spark over the training DataFrame.
 */
public final class MllibReference {

  public static final String METHOD = "mllib-normal";

  private MllibReference() {}

  /**
   * @param train rows with double columns x and y
   * @param validation the same for the validation split, or null
   */
  public static Reference fit(Dataset<Row> train, Dataset<Row> validation) {
    VectorAssembler features =
        new VectorAssembler().setInputCols(new String[] {"x"}).setOutputCol("features");
    LinearRegressionModel model =
        new LinearRegression()
            .setSolver("normal")
            .setRegParam(0.0)
            .setElasticNetParam(0.0)
            .setFitIntercept(true)
            .setLabelCol("y")
            .setFeaturesCol("features")
            .fit(features.transform(train));
    double validationMse =
        validation == null
            ? Double.NaN
            : model.evaluate(features.transform(validation)).meanSquaredError();
    return new Reference(
        METHOD,
        model.coefficients().apply(0),
        model.intercept(),
        model.summary().meanSquaredError(),
        validationMse,
        model.summary().r2());
  }
}
