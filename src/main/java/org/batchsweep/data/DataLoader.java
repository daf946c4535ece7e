package org.batchsweep.data;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.batchsweep.core.Points;
import org.batchsweep.spec.DataSpec;
import org.batchsweep.spec.FeatureCount;
import org.batchsweep.spec.SweepSpec;

/**
 * Loads a sweep's points on the driver. Generated and CSV data need no Spark (so their errors
 * surface before a session starts); Parquet is read through Spark. A validation file is read with
 * the training file's feature columns.
 */
public final class DataLoader {

  private DataLoader() {}

  /** True when loading needs a SparkSession (Parquet files). */
  public static boolean needsSpark(DataSpec spec) {
    return spec.kind() == DataSpec.DataKind.PARQUET;
  }

  /**
   * Loads the data and checks what depends on its number of features (the init's weights, {@code
   * limits.max_features}), so a mismatch is refused before any training.
   */
  public static SweepData load(SweepSpec spec, SparkSession spark) {
    SweepData data = load(spec.data(), spark);
    FeatureCount.check(
        spec, data.train().features(), spec.data().isGenerated() ? null : data.featureNames());
    return data;
  }

  public static SweepData load(DataSpec spec, SparkSession spark) {
    return switch (spec.kind()) {
      case LINE ->
          SweepData.of(
              LinePoints.generate(spec, LinePoints.TRAIN_SPLIT),
              spec.freshValidation()
                  ? LinePoints.generate(spec, LinePoints.VALIDATION_SPLIT)
                  : null);
      case LINEAR ->
          SweepData.of(
              LinearPoints.generate(spec, LinePoints.TRAIN_SPLIT),
              spec.freshValidation()
                  ? LinearPoints.generate(spec, LinePoints.VALIDATION_SPLIT)
                  : null);
      case CSV -> {
        NamedPoints train =
            CsvPoints.read(
                "data.path",
                Path.of(spec.path()),
                spec.features(),
                spec.label(),
                spec.maxFeatures(),
                true);
        yield withValidation(
            train,
            hasValidationFile(spec)
                ? CsvPoints.read(
                        "data.validation_path",
                        Path.of(spec.validationPath()),
                        train.features(),
                        spec.label(),
                        spec.maxFeatures(),
                        false)
                    .points()
                : null);
      }
      case PARQUET -> {
        NamedPoints train =
            ParquetPoints.read(spark, "data.path", spec.path(), spec.features(), spec, true);
        yield withValidation(
            train,
            hasValidationFile(spec)
                ? ParquetPoints.read(
                        spark,
                        "data.validation_path",
                        spec.validationPath(),
                        train.features(),
                        spec,
                        false)
                    .points()
                : null);
      }
    };
  }

  private static boolean hasValidationFile(DataSpec spec) {
    return spec.validationPath() != null && spec.freshValidation();
  }

  private static SweepData withValidation(NamedPoints train, Points validation) {
    return SweepData.of(train.points(), validation, train.features());
  }
}
