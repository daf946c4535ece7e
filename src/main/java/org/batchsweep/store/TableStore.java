package org.batchsweep.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads and writes the result tables under {@code <out>/tables/}. Writes go through Spark's commit
 * protocol with dynamic partition overwrite, so writing a sweep replaces that sweep's partition and
 * nothing else, and a failed write leaves the previous partition in place.
 */
public final class TableStore {

  private final SparkSession spark;
  private final String root;
  private final String stagingRoot;

  /**
   * @param out the output folder as a URI or path understood by Hadoop (file:, hdfs:, ...)
   */
  public TableStore(SparkSession spark, String out) {
    this.spark = spark;
    String base = out.endsWith("/") ? out : out + "/";
    this.root = base + "tables";
    this.stagingRoot = base + "staging";
  }

  public String location(Table table) {
    return root + "/" + table.tableName();
  }

  /**
   * A sweep's partition folder, as Spark names it. Sweep ids hold only letters, digits, '.', '_'
   * and '-' (the run command checks them), which Spark's folder names keep unescaped.
   */
  public static String partitionFolder(String sweepId) {
    return Table.PARTITION_COLUMN + "=" + sweepId;
  }

  /**
   * Replaces the partitions present in {@code rows} (one per sweep id); other sweeps are untouched.
   */
  public void write(Table table, Dataset<Row> rows) {
    rows.select(columns(table))
        .write()
        .options(table.writeOptions())
        .mode(SaveMode.Overwrite)
        .option("partitionOverwriteMode", "dynamic")
        .partitionBy(Table.PARTITION_COLUMN)
        .parquet(location(table));
  }

  /** Removes one sweep's partition of a table, e.g. trajectories a re-run no longer records. */
  public void deletePartition(Table table, String sweepId) {
    delete(new Path(location(table), partitionFolder(sweepId)));
  }

  public boolean exists(Table table) {
    Path folder = new Path(location(table));
    try {
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(folder)
          && Arrays.stream(fs.listStatus(folder))
              .anyMatch(
                  s ->
                      s.isDirectory()
                          && s.getPath().getName().startsWith(Table.PARTITION_COLUMN + "="));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder, e);
    }
  }

  /** The table with its contract schema and column order (sweep ids are always strings). */
  public Dataset<Row> read(Table table) {
    return spark.read().schema(table.schema()).parquet(location(table)).select(columns(table));
  }

  /**
   * One sweep's rows of a table (an empty table when it has none). Only the sweep's partition
   * folder is listed: a query that filtered the whole table would list every sweep's folder each
   * time, and more than Spark's 32 ({@code spark.sql.sources.parallelPartitionDiscovery.threshold})
   * made that listing a Spark job of its own, so a run in a folder holding 61 earlier sweeps took
   * 15.8 s instead of 11.7 s (README, Interactive speed).
   */
  public Dataset<Row> read(Table table, String sweepId) {
    String partition = location(table) + "/" + partitionFolder(sweepId);
    if (!pathExists(partition)) {
      return spark.createDataFrame(List.of(), table.schema()).select(columns(table));
    }
    return spark
        .read()
        .schema(table.schema())
        .option("basePath", location(table)) // the partition column still comes from the folder
        .parquet(partition)
        .select(columns(table));
  }

  // Staging: a sweep's rows committed chunk by chunk, outside tables/, until the sweep is whole.

  String stagingLocation(String sweepId, Table table) {
    return stagingRoot + "/" + sweepId + "/" + table.tableName();
  }

  /**
   * Appends one chunk's rows, all of them {@code sweepId}'s; each call is one Spark job, committed
   * whole or not at all. The rows are laid out as the table lays out a sweep's partition, so {@link
   * #publishStaged} can move them.
   *
   * <p>They are written straight into the partition's folder rather than with {@code partitionBy}:
   * a partitioned write sorts its rows by the partition column first, which for one sweep id only
   * copied every row through a sorter (6% of the training stage's samples on 10^6 one-epoch runs).
   * The files are the same: a partition's files never hold the partition column.
   */
  public void appendStaged(String sweepId, Table table, Dataset<Row> rows) {
    rows.select(dataColumns(table))
        .write()
        .options(table.writeOptions())
        // The sweep's status row says when it is whole; a marker inside the partition would be
        // moved into the table with it.
        .option("mapreduce.fileoutputcommitter.marksuccessfuljobs", "false")
        .mode(SaveMode.Append)
        .parquet(stagingLocation(sweepId, table) + "/" + partitionFolder(sweepId));
  }

  /**
   * Makes the staged rows the sweep's partition of the table, replacing the partition there: the
   * same delete-then-rename a dynamic partition overwrite does when it commits, without reading and
   * writing the rows again. For staged rows known to hold each key once (a sweep staged by one
   * attempt from an empty staging folder); with none staged, the sweep's partition is removed.
   */
  public void publishStaged(String sweepId, Table table) {
    String partition = partitionFolder(sweepId);
    Path staged = new Path(stagingLocation(sweepId, table), partition);
    Path target = new Path(location(table), partition);
    try {
      FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(target, true);
      if (!fs.exists(staged)) {
        return;
      }
      fs.mkdirs(target.getParent());
      if (!fs.rename(staged, target)) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + staged + " to " + target, e);
    }
  }

  /** The rows staged so far (an empty table when none are). */
  public Dataset<Row> readStaged(String sweepId, Table table) {
    String location = stagingLocation(sweepId, table);
    if (!pathExists(location)) {
      return spark.createDataFrame(List.of(), table.schema());
    }
    return spark.read().schema(table.schema()).parquet(location).select(columns(table));
  }

  public void deleteStaging(String sweepId) {
    delete(new Path(stagingRoot + "/" + sweepId));
  }

  private boolean pathExists(String location) {
    Path path = new Path(location);
    try {
      return path.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look at " + path, e);
    }
  }

  private void delete(Path path) {
    try {
      path.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + path, e);
    }
  }

  private static Column[] columns(Table table) {
    return Arrays.stream(table.columnNames()).map(functions::col).toArray(Column[]::new);
  }

  /** The columns a partition's files hold: all but the partition column, which is its folder. */
  private static Column[] dataColumns(Table table) {
    return Arrays.stream(table.columnNames())
        .filter(name -> !name.equals(Table.PARTITION_COLUMN))
        .map(functions::col)
        .toArray(Column[]::new);
  }
}
