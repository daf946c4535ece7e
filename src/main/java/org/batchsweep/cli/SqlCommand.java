package org.batchsweep.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_csv;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.SparkThrowable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.AtomicType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.StructField;
import org.batchsweep.BadInputException;
import org.batchsweep.Messages;
import org.batchsweep.store.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./submit sql "SELECT ..." [--out DIR] [--format table|csv|json]}. */
@Command(
    name = "sql",
    mixinStandardHelpOptions = true,
    description =
        "Query the result tables with Spark SQL; each table (sweeps, points, reference, runs, epochs) is a view.")
final class SqlCommand implements Callable<Integer> {

  enum Format {
    table,
    csv,
    json
  }

  @Parameters(index = "0", paramLabel = "QUERY", description = "A Spark SQL query.")
  String query;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      defaultValue = OutputDir.DEFAULT,
      description = "Folder the tables were written to (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(
      names = "--format",
      defaultValue = "table",
      description = "table, csv or json (one object per line); default: ${DEFAULT-VALUE}.")
  Format format;

  @Option(
      names = "--limit",
      defaultValue = "1000",
      paramLabel = "N",
      description =
          "Rows shown in table format (default: ${DEFAULT-VALUE}); csv and json print all.")
  int limit;

  @Option(
      names = "--truncate",
      defaultValue = "" + DEFAULT_TRUNCATE,
      paramLabel = "N",
      description =
          "Table format: cut cells longer than N characters, as Spark's show does (default: ${DEFAULT-VALUE}; 0: whole cells).")
  int truncate;

  static final int DEFAULT_TRUNCATE = 60;

  @Override
  public Integer call() {
    return StoredTables.open(
        out,
        "batchsweep sql",
        (spark, store, outUri) -> {
          List<String> registered = new ArrayList<>();
          for (Table table : Table.values()) {
            if (store.exists(table)) {
              store.read(table).createOrReplaceTempView(table.tableName());
              registered.add(table.tableName());
            }
          }
          if (registered.isEmpty()) {
            throw new BadInputException(
                "--out " + out + ": no tables in " + outUri + "tables; run ./submit run first");
          }
          try {
            print(spark.sql(query), format, limit, truncate, System.out);
          } catch (Exception e) { // AnalysisException is a checked exception to Java
            // Errors with a Spark error class (parse, analysis, ANSI arithmetic...) are the
            // query's.
            if (e instanceof SparkThrowable thrown && thrown.getCondition() != null) {
              throw new BadInputException(
                  "query: "
                      + Messages.firstLine(String.valueOf(e.getMessage()).strip())
                      + " (views: "
                      + String.join(", ", registered)
                      + ")");
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
          }
        });
  }

  static void print(Dataset<Row> result, Format format, int limit, int truncate, PrintStream out) {
    if (limit < 0 || truncate < 0) {
      throw new BadInputException("--limit and --truncate: accepted: integers >= 0");
    }
    switch (format) {
      case table ->
          scala.Console.withOut(
              out,
              (scala.Function0<Object>)
                  () -> {
                    result.show(
                        limit, truncate); // prints to Scala's Console.out, here redirected to out
                    return null;
                  });
      case csv -> {
        Column[] columns = new Column[result.columns().length];
        StructField[] fields = result.schema().fields();
        List<String> header = new ArrayList<>();
        for (int i = 0; i < fields.length; i++) {
          // to_csv takes flat values only; anything nested is written as its string form.
          Column c = col("`" + fields[i].name().replace("`", "``") + "`");
          columns[i] =
              (fields[i].dataType() instanceof AtomicType ? c : c.cast("string")).as("c" + i);
          header.add(csvField(fields[i].name()));
        }
        out.println(String.join(",", header));
        Iterator<Row> rows =
            result
                .select(
                    to_csv(
                        struct(columns), Map.of("timestampFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")))
                .toLocalIterator();
        while (rows.hasNext()) {
          out.println(rows.next().getString(0));
        }
      }
      case json -> {
        // JSON has no NaN or infinities: they become null, and every key is written, nulls too.
        List<Column> columns = new ArrayList<>();
        for (StructField field : result.schema().fields()) {
          Column c = col("`" + field.name().replace("`", "``") + "`");
          if (field.dataType() instanceof DoubleType || field.dataType() instanceof FloatType) {
            c =
                when(
                        isnan(c)
                            .or(c.equalTo(lit(Double.POSITIVE_INFINITY)))
                            .or(c.equalTo(lit(Double.NEGATIVE_INFINITY))),
                        lit(null).cast(field.dataType()))
                    .otherwise(c);
          }
          columns.add(c.as(field.name()));
        }
        Iterator<String> rows =
            result
                .select(
                    to_json(
                        struct(columns.toArray(Column[]::new)),
                        Map.of("ignoreNullFields", "false")))
                .as(Encoders.STRING())
                .toLocalIterator();
        while (rows.hasNext()) {
          out.println(rows.next());
        }
      }
    }
    out.flush();
  }

  private static String csvField(String text) {
    return text.matches("[^,\"\\r\\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
  }
}
