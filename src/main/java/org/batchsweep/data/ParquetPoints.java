package org.batchsweep.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.batchsweep.BadInputException;
import org.batchsweep.Messages;
import org.batchsweep.core.Points;
import org.batchsweep.spec.DataSpec;

/**
 * Reads points from Parquet through Spark: the feature and label columns (see {@link FileColumns}
 * for the default features), each numeric, no value missing or non-finite, and the table rules of
 * {@link TableRules}. batchsweep's own points table is refused: its rows mix sweeps and splits.
 */
final class ParquetPoints {

  private ParquetPoints() {}

  /**
   * @param features the feature columns, or null for the default
   * @param training whether this is the training table
   */
  static NamedPoints read(
      SparkSession spark,
      String key,
      String path,
      List<String> features,
      DataSpec spec,
      boolean training) {
    if (!path.contains("://") && !path.startsWith("file:") && !Files.exists(Path.of(path))) {
      throw new BadInputException(
          key
              + ": "
              + path
              + " does not exist; expected a Parquet file with a label column and feature columns"
              + " (x,y for one feature)");
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
    String where = key + ": " + path;
    FileColumns.Resolved columns =
        FileColumns.resolve(
            where, Arrays.asList(frame.columns()), features, spec.label(), spec.maxFeatures());
    List<String> names = new ArrayList<>(columns.features());
    names.add(frame.columns()[columns.labelIndex()]);
    List<Column> selected = new ArrayList<>();
    for (int c = 0; c < names.size(); c++) {
      int index =
          c < columns.featureIndex().length ? columns.featureIndex()[c] : columns.labelIndex();
      StructField field = frame.schema().fields()[index];
      DataType type = field.dataType();
      if (!(type instanceof NumericType)) {
        throw new BadInputException(
            where
                + " column "
                + field.name()
                + " is "
                + type.simpleString()
                + "; expected a number"
                + (features == null && c < columns.featureIndex().length
                    ? " (every column but the label is a feature unless data.features names them)"
                    : ""));
      }
      selected.add(functions.col(quoted(field.name())).cast("double"));
    }
    List<Row> rows = frame.select(selected.toArray(new Column[0])).collectAsList();
    int d = columns.features().size();
    int n = rows.size();
    if ((long) n * d > Integer.MAX_VALUE - 8) {
      throw new BadInputException(
          where + ": " + n + " points of " + d + " features do not fit in memory");
    }
    double[] x = new double[n * d];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      Row row = rows.get(i);
      for (int c = 0; c <= d; c++) {
        if (row.isNullAt(c) || !Double.isFinite(row.getDouble(c))) {
          throw new BadInputException(
              where
                  + " row "
                  + (i + 1)
                  + ": "
                  + names.get(c)
                  + " is "
                  + (row.isNullAt(c) ? "missing" : String.valueOf(row.getDouble(c)))
                  + "; every feature and label value must be a finite number");
        }
      }
      for (int j = 0; j < d; j++) {
        x[i * d + j] = row.getDouble(j);
      }
      y[i] = row.getDouble(d);
    }
    TableRules.check(where, columns.features(), x, n, training);
    return new NamedPoints(new Points(d, x, y), columns.features());
  }

  private static String quoted(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  /**
   * batchsweep's own points table (or one sweep's folder of it) holds train and validation points,
   * and at its top every sweep's: read as they are they would be one mixed sample.
   */
  private static void refuseStoredPoints(Dataset<Row> frame, String key, String path) {
    for (String column : List.of("split", "sweep_id")) {
      if (FileColumns.find(Arrays.asList(frame.columns()), column) >= 0) {
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
}
