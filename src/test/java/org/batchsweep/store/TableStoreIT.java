package org.batchsweep.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.batchsweep.testing.SharedSparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading one sweep's rows opens that sweep's partition only, and reads like the table filtered by
 * sweep: same columns in contract order, the partition column filled from the folder.
 */
class TableStoreIT extends SharedSparkSession {

  @TempDir Path out;

  @Test
  void aSweepsRowsComeFromItsPartitionAlone() {
    TableStore store = storeWithSweeps("a", "b", "c");

    Dataset<Row> b = store.read(Table.POINTS, "b");

    assertThat(b.inputFiles())
        .isNotEmpty()
        .allSatisfy(file -> assertThat(file).contains("/" + TableStore.partitionFolder("b") + "/"));
    assertThat(b.columns()).containsExactly(Table.POINTS.columnNames());
    assertThat(b.collectAsList().stream().map(PointRow::from))
        .containsExactlyInAnyOrderElementsOf(points("b"));
  }

  @Test
  void readsTheSameRowsAsTheWholeTableFilteredBySweep() {
    TableStore store = storeWithSweeps("a", "b");

    for (String sweep : List.of("a", "b")) {
      List<Row> filtered =
          store
              .read(Table.POINTS)
              .where(Table.PARTITION_COLUMN + " = '" + sweep + "'")
              .collectAsList();
      assertThat(store.read(Table.POINTS, sweep).collectAsList())
          .containsExactlyInAnyOrderElementsOf(filtered);
    }
  }

  @Test
  void anotherSweepsDamagedFolderDoesNotStopTheRead() throws IOException {
    TableStore store = storeWithSweeps("a", "b");
    // A stray folder beside the partitions makes Spark's discovery of the whole table fail.
    Path stray = out.resolve("tables/points/not-a-partition");
    Files.createDirectories(stray);
    Files.writeString(stray.resolve("part-0.parquet"), "not parquet");

    assertThat(store.read(Table.POINTS, "a").count()).isEqualTo(points("a").size());
  }

  @Test
  void aSweepWithoutRowsAndATableNotYetWrittenReadEmpty() {
    TableStore store = storeWithSweeps("a");

    Dataset<Row> missingSweep = store.read(Table.POINTS, "z");
    Dataset<Row> missingTable = store.read(Table.REFERENCE, "a");

    assertThat(missingSweep.count()).isZero();
    assertThat(missingSweep.columns()).containsExactly(Table.POINTS.columnNames());
    assertThat(missingTable.count()).isZero();
    assertThat(missingTable.columns()).containsExactly(Table.REFERENCE.columnNames());
  }

  private TableStore storeWithSweeps(String... sweeps) {
    TableStore store = new TableStore(spark, out.toUri().toString());
    for (String sweep : sweeps) {
      List<Row> rows = points(sweep).stream().map(PointRow::toRow).toList();
      store.write(Table.POINTS, spark.createDataFrame(rows, Table.POINTS.schema()));
    }
    return store;
  }

  private static List<PointRow> points(String sweep) {
    double offset = sweep.charAt(0);
    return List.of(
        new PointRow(sweep, PointRow.TRAIN, offset, -4 * offset, List.of(offset)),
        new PointRow(sweep, PointRow.TRAIN, offset + 1, -4 * offset - 4, List.of(offset + 1)),
        new PointRow(sweep, PointRow.VALIDATION, offset + 2, -4 * offset - 8, List.of(offset + 2)));
  }
}
