package org.batchsweep.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.batchsweep.testing.SharedSparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Parquet writer options reach the files, both through a table write and a staged chunk:
 * columns marked plain-encoded are written without a dictionary even when every row repeats the
 * same value (where Parquet would otherwise keep one), and the other columns keep theirs.
 */
class ParquetEncodingIT extends SharedSparkSession {

  @TempDir Path out;

  @Test
  void runsTableWritesPerRunColumnsPlainAndAxesWithADictionary() throws IOException {
    TableStore store = new TableStore(spark, out.toUri().toString());
    store.write(Table.RUNS, spark.createDataFrame(repeatedRuns("written"), Table.RUNS.schema()));

    Map<String, Set<Encoding>> encodings = encodings(out.resolve("tables/runs"));
    assertDictionary(encodings, false, "slope", "intercept", "train_mse", "run_id");
    assertDictionary(encodings, false, "weights.list.element");
    assertDictionary(encodings, true, "lr", "init_slope", "optimizer");
  }

  @Test
  void stagedChunksUseTheSameOptions() throws IOException {
    TableStore store = new TableStore(spark, out.toUri().toString());
    store.appendStaged(
        "staged", Table.RUNS, spark.createDataFrame(repeatedRuns("staged"), Table.RUNS.schema()));

    Map<String, Set<Encoding>> encodings = encodings(out.resolve("staging"));
    assertDictionary(encodings, false, "slope", "excess_mse");
    assertDictionary(encodings, true, "lr", "seed");
  }

  /** 500 runs that all hold the same values: a dictionary of one entry wins on every column. */
  private static List<Row> repeatedRuns(String sweepId) {
    Map<String, Object> values = new HashMap<>();
    values.put("sweep_id", sweepId);
    values.put("run_id", "r-0");
    values.put("optimizer", "sgd");
    values.put("lr", 0.1);
    values.put("seed", 7L);
    values.put("init_slope", 0.25);
    values.put("slope", -3.5);
    values.put("intercept", 0.5);
    values.put("train_mse", 0.01);
    values.put("excess_mse", 0.001);
    values.put("weights", CollectionConverters.asScala(List.of(-3.5)).toSeq());
    String[] columns = Table.RUNS.columnNames();
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Object[] row = new Object[columns.length];
      for (int c = 0; c < columns.length; c++) {
        row[c] = values.get(columns[c]);
      }
      rows.add(RowFactory.create(row));
    }
    return rows;
  }

  /** Every column's encodings, over all the Parquet files under {@code folder}. */
  private static Map<String, Set<Encoding>> encodings(Path folder) throws IOException {
    Map<String, Set<Encoding>> encodings = new HashMap<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    }
    assertFalse(files.isEmpty(), "no Parquet file under " + folder);
    for (Path file : files) {
      try (ParquetFileReader reader =
          ParquetFileReader.open(
              HadoopInputFile.fromPath(
                  new org.apache.hadoop.fs.Path(file.toUri()), new Configuration()))) {
        for (BlockMetaData block : reader.getFooter().getBlocks()) {
          for (ColumnChunkMetaData column : block.getColumns()) {
            encodings
                .computeIfAbsent(column.getPath().toDotString(), k -> new TreeSet<>())
                .addAll(column.getEncodings());
          }
        }
      }
    }
    return encodings;
  }

  private static void assertDictionary(
      Map<String, Set<Encoding>> encodings, boolean expected, String... columns) {
    for (String column : columns) {
      Set<Encoding> used = encodings.get(column);
      assertTrue(used != null, "no column " + column + " in " + encodings.keySet());
      boolean dictionary = used.stream().anyMatch(Encoding::usesDictionary);
      assertEquals(expected, dictionary, column + " is written with " + used);
    }
  }
}
