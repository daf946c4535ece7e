package org.batchsweep.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.batchsweep.BadInputException;
import org.batchsweep.spec.SpecLoader;
import org.batchsweep.spec.SweepSpec;
import org.batchsweep.testing.SharedSparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Parquet feature tables read through Spark (local[2]): the columns chosen and every bad table. */
class ParquetPointsIT extends SharedSparkSession {

  @TempDir Path dir;

  /**
   * Writes a Parquet table: {@code columns} like {@code "a:double,b:string,y:int"}, {@code rows}
   * like {@code "1,u,2; 2,v,3"} ({@code null} and {@code NaN} as written).
   */
  private String table(String name, String columns, String rows) {
    List<StructField> fields = new ArrayList<>();
    for (String column : columns.split(",", -1)) {
      String[] parts = column.split(":", -1);
      DataType type =
          switch (parts[1]) {
            case "double" -> DataTypes.DoubleType;
            case "int" -> DataTypes.IntegerType;
            default -> DataTypes.StringType;
          };
      fields.add(DataTypes.createStructField(parts[0], type, true));
    }
    List<Row> data = new ArrayList<>();
    for (String row : rows.split(";", -1)) {
      String[] cells = row.trim().split(",", -1);
      Object[] values = new Object[cells.length];
      for (int c = 0; c < cells.length; c++) {
        DataType type = fields.get(c).dataType();
        String cell = cells[c].trim();
        values[c] =
            cell.equals("null")
                ? null
                : type == DataTypes.DoubleType
                    ? Double.parseDouble(cell)
                    : type == DataTypes.IntegerType ? Integer.parseInt(cell) : cell;
      }
      data.add(RowFactory.create(values));
    }
    String path = dir.resolve(name).toString();
    spark
        .createDataFrame(data, new StructType(fields.toArray(new StructField[0])))
        .coalesce(1)
        .write()
        .parquet(path);
    return path;
  }

  private static SweepSpec spec(String path, String... overrides) {
    List<String> all = new ArrayList<>(List.of("data.kind=parquet", "data.path=" + path));
    all.addAll(List.of(overrides));
    return SpecLoader.loadText("", "test", all);
  }

  @Test
  void everyColumnButTheLabelIsAFeatureAndTheValidationFileIsReadWithTheSameColumns() {
    String train = table("train", "a:double,b:int,t:double", "1,5,10; 2,7,20; 4,6,30; 3,9,40");
    String validation =
        table(
            "validation",
            "note:string,b:int,t:double,a:double",
            "u,1,2,3; v,2,3,4; w,0,1,9; z,4,4,4");
    SweepData data =
        DataLoader.load(spec(train, "data.label=t", "data.validation_path=" + validation), spark);
    assertThat(data.featureNames()).containsExactly("a", "b");
    assertThat(data.train().x()).containsExactly(1, 5, 2, 7, 4, 6, 3, 9);
    assertThat(data.train().y()).containsExactly(10, 20, 30, 40);
    assertThat(data.validation().features()).isEqualTo(2);
    assertThat(data.validation().x()).containsExactly(3, 1, 4, 2, 9, 0, 4, 4);
  }

  @Test
  void todaysXyTablesStayOneFeatureWhateverElseTheyHold() {
    String path = table("xy", "id:string,x:double,y:double", "p,0,1; q,1,3; r,2,5");
    SweepData data = DataLoader.load(spec(path), spark);
    assertThat(data.train().features()).isEqualTo(1);
    assertThat(data.featureNames()).containsExactly("x");
    assertThat(data.train().x()).containsExactly(0, 1, 2);
  }

  static Stream<Arguments> badTables() {
    return Stream.of(
        Arguments.of(
            "missing feature",
            "a:double,b:double,y:double",
            "1,2,3; 2,3,4; 3,1,5; 4,0,1",
            List.of("data.features=[a, c]"),
            "has no column c (columns: a, b, y); expected c as a feature column (data.features)"),
        Arguments.of(
            "missing label",
            "a:double,b:double,y:double",
            "1,2,3; 2,3,4; 3,1,5; 4,0,1",
            List.of("data.label=t"),
            "has no column t (columns: a, b, y); expected t as the label column (data.label)"),
        Arguments.of(
            "non-numeric column",
            "a:double,name:string,y:double",
            "1,u,3; 2,v,4; 3,w,5; 4,z,1",
            List.of(),
            "column name is string; expected a number (every column but the label is a feature"),
        Arguments.of(
            "missing value",
            "a:double,b:double,y:double",
            "1,2,3; 2,null,4; 3,1,5; 4,0,1",
            List.of(),
            "row 2: b is missing; every feature and label value must be a finite number"),
        Arguments.of(
            "NaN value",
            "a:double,b:double,y:double",
            "1,2,3; 2,3,4; 3,1,NaN; 4,0,1",
            List.of(),
            "row 3: y is NaN; every feature and label value must be a finite number"),
        Arguments.of(
            "too few rows",
            "a:double,b:double,y:double",
            "1,2,3; 2,3,4; 3,1,5",
            List.of(),
            "3 point(s) for 2 feature(s); at least features + 2 = 4 are needed"),
        Arguments.of(
            "constant feature",
            "a:double,b:int,y:double",
            "1,2,3; 2,2,4; 3,2,5; 4,2,1",
            List.of(),
            "feature column b is constant (every value 2.0)"),
        Arguments.of(
            "over max features",
            "a:double,b:double,c:double,y:double",
            "1,2,0,3; 2,3,1,4; 3,1,0,5; 4,0,1,1; 5,5,5,5",
            List.of("limits.max_features=2"),
            "3 feature columns is more than limits.max_features = 2"),
        Arguments.of(
            "init weights for other d",
            "a:double,b:double,y:double",
            "1,2,3; 2,3,4; 3,1,5; 4,0,1",
            List.of("train.init.weights=[0.1, 0.2, 0.3]"),
            "train.init.weights: 3 weights for data with 2 feature(s) (a, b); accepted: a list of 2"
                + " finite numbers, one per feature"),
        Arguments.of(
            "init slope for d > 1",
            "a:double,b:double,y:double",
            "1,2,3; 2,3,4; 3,1,5; 4,0,1",
            List.of("train.init.slope=0.5"),
            "train.init.weights: 1 weight (as train.init.slope or train.init.weights) for data with"
                + " 2 feature(s) (a, b)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTables")
  void badTablesAreRefusedInOneLineBeforeTraining(
      String name, String columns, String rows, List<String> overrides, String message) {
    String path = table(name.replace(' ', '-'), columns, rows);
    SweepSpec spec = spec(path, overrides.toArray(new String[0]));
    assertThatThrownBy(() -> DataLoader.load(spec, spark))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
