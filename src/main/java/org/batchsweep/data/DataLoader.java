package org.batchsweep.data;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.batchsweep.BadInputException;
import org.batchsweep.Messages;
import org.batchsweep.core.Points;
import org.batchsweep.spec.DataSpec;

/**
 * Loads a sweep's points on the driver. Line and CSV data need no Spark (so their errors surface
 * before a session starts); Parquet is read through Spark.
 */
public final class DataLoader {

  private DataLoader() {}

  /** True when loading needs a SparkSession (Parquet files). */
  public static boolean needsSpark(DataSpec spec) {
    return spec.kind() == DataSpec.DataKind.PARQUET;
  }

  public static SweepData load(DataSpec spec, SparkSession spark) {
    return switch (spec.kind()) {
      case LINE ->
          SweepData.of(
              LinePoints.generate(spec, LinePoints.TRAIN_SPLIT),
              spec.freshValidation()
                  ? LinePoints.generate(spec, LinePoints.VALIDATION_SPLIT)
                  : null);
      case CSV ->
          SweepData.of(
              CsvPoints.read("data.path", Path.of(spec.path())),
              spec.validationPath() == null || !spec.freshValidation()
                  ? null
                  : CsvPoints.read("data.validation_path", Path.of(spec.validationPath())));
      case PARQUET ->
          SweepData.of(
              parquet(spark, "data.path", spec.path()),
              spec.validationPath() == null || !spec.freshValidation()
                  ? null
                  : parquet(spark, "data.validation_path", spec.validationPath()));
    };
  }

  private static Points parquet(SparkSession spark, String key, String path) {
    if (!path.contains("://") && !java.nio.file.Files.exists(Path.of(path))) {
      throw new BadInputException(
          key + ": " + path + " does not exist; expected a Parquet file with columns x,y");
    }
    Dataset<Row> frame;
    try {
      frame = spark.read().parquet(path);
    } catch (RuntimeException e) {
      throw new BadInputException(
          key
              + ": "
              + path
              + " is not readable as Parquet ("
              + Messages.firstLine(e.getMessage())
              + ")");
    }
    refuseStoredPoints(frame, key, path);
    for (String column : List.of("x", "y")) {
      StructField field = find(frame, column);
      if (field == null) {
        throw new BadInputException(
            key
                + ": "
                + path
                + " has no column "
                + column
                + " (columns: "
                + String.join(", ", frame.columns())
                + "); expected columns x,y");
      }
      DataType type = field.dataType();
      if (!(type instanceof NumericType)) {
        throw new BadInputException(
            key
                + ": "
                + path
                + " column "
                + column
                + " is "
                + type.simpleString()
                + "; expected a number");
      }
    }
    List<Row> rows =
        frame.selectExpr("CAST(x AS DOUBLE) AS x", "CAST(y AS DOUBLE) AS y").collectAsList();
    double[] x = new double[rows.size()];
    double[] y = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      if (row.isNullAt(0)
          || row.isNullAt(1)
          || !Double.isFinite(row.getDouble(0))
          || !Double.isFinite(row.getDouble(1))) {
        throw new BadInputException(
            key
                + ": "
                + path
                + " row "
                + (i + 1)
                + " has a missing or non-finite value ("
                + row
                + "); every x and y must be a finite number");
      }
      x[i] = row.getDouble(0);
      y[i] = row.getDouble(1);
    }
    if (rows.size() < 2) {
      throw new BadInputException(
          key + ": " + path + " has " + rows.size() + " point(s); at least 2 are needed");
    }
    return new Points(x, y);
  }

  /**
   * batchsweep's own points table (or one sweep's folder of it) holds train and validation points,
   * and at its top every sweep's: read as they are they would be one mixed sample.
   */
  private static void refuseStoredPoints(Dataset<Row> frame, String key, String path) {
    for (String column : List.of("split", "sweep_id")) {
      if (find(frame, column) != null) {
        throw new BadInputException(
            key
                + ": "
                + path
                + " has a column "
                + column
                + ", like batchsweep's points table, whose rows mix"
                + " sweeps and train/validation splits; export one sweep's split, e.g. ./submit sql"
                + " \"SELECT x, y FROM points WHERE sweep_id = 'ID' AND split = 'train'\" --format csv > train.csv,"
                + " and use data.kind=csv");
      }
    }
  }

  private static StructField find(Dataset<Row> frame, String column) {
    for (StructField field : frame.schema().fields()) {
      if (field.name().equalsIgnoreCase(column)) {
        return field;
      }
    }
    return null;
  }
}
