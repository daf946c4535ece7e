package org.batchsweep.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.batchsweep.BadInputException;
import org.batchsweep.core.Points;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvPointsTest {

  @TempDir Path dir;

  private Path file(String content) throws Exception {
    Path f = dir.resolve("points.csv");
    Files.writeString(f, content);
    return f;
  }

  @Test
  void readsAHeaderInAnyOrderWithExtraColumns() throws Exception {
    Points p = CsvPoints.read("data.path", file("id,y,x\n1,-4.0,1.0\n2,0.5,0.0\n3,\"-2\",0.5\n"));
    assertThat(p.x()).containsExactly(1.0, 0.0, 0.5);
    assertThat(p.y()).containsExactly(-4.0, 0.5, -2.0);
  }

  @Test
  void readsTwoNumericColumnsWithoutAHeader() throws Exception {
    Points p = CsvPoints.read("data.path", file("0.0,1.0\n1.0,-3.0\r\n0.5,2\n"));
    assertThat(p.size()).isEqualTo(3);
    assertThat(p.features()).isEqualTo(1);
    assertThat(p.y()).containsExactly(1.0, -3.0, 2.0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty         | ''                     | the file is empty",
        "header only   | 'x,y\n'                | 0 point(s) for 1 feature(s); at least features + 2 = 3 are needed",
        "two points    | 'x,y\n1,2\n2,3\n'      | 2 point(s) for 1 feature(s); at least features + 2 = 3 are needed",
        "constant x    | 'x,y\n1,2\n1,3\n1,4\n' | feature column x is constant (every value 1.0)",
        "one column    | 'x\n1\n2\n'            | line 1: header [x] has no column y",
        "non-numeric   | 'x,y\n1,2\n3,abc\n'    | line 3: y = 'abc' is not a number",
        "NaN           | 'x,y\n1,2\nNaN,3\n'    | line 3: x = NaN is not finite",
        "infinite      | 'x,y\n1,2\n3,Infinity\n' | line 3: y = Infinity is not finite",
        "short row     | 'x,y\n1,2\n3\n'        | line 3: 1 field(s), expected at least 2",
        "no header, 3 columns | '1,2,3\n4,5,6\n' | line 1: 3 column(s) without a header",
      })
  void badFilesAreRefusedWithTheLineAndWhatIsExpected(String name, String content, String message)
      throws Exception {
    Path f = file(content.replace("\\n", "\n"));
    assertThatThrownBy(() -> CsvPoints.read("data.path", f))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("data.path " + f)
        .hasMessageContaining(message);
  }

  private NamedPoints readFeatures(String content, List<String> features, String label, int max)
      throws Exception {
    return CsvPoints.read("data.path", file(content), features, label, max, true);
  }

  @Test
  void withoutAnXColumnEveryColumnButTheLabelIsAFeatureInFileOrder() throws Exception {
    NamedPoints read = readFeatures("b,y,a\n1,10,5\n2,20,7\n4,30,6\n3,40,9\n", null, "y", 100);
    assertThat(read.features()).containsExactly("b", "a");
    assertThat(read.points().features()).isEqualTo(2);
    assertThat(read.points().x()).containsExactly(1, 5, 2, 7, 4, 6, 3, 9);
    assertThat(read.points().y()).containsExactly(10, 20, 30, 40);
  }

  @Test
  void namedFeaturesAndLabelAreReadInTheOrderGiven() throws Exception {
    NamedPoints read =
        readFeatures(
            "id,A,b,t,y\n1,1,5,-1,9\n2,2,7,-2,9\n3,4,6,-3,9\n4,3,9,-4,9\n",
            List.of("b", "a"),
            "t",
            100);
    assertThat(read.features()).containsExactly("b", "A");
    assertThat(read.points().x()).containsExactly(5, 1, 7, 2, 6, 4, 9, 3);
    assertThat(read.points().y()).containsExactly(-1, -2, -3, -4);
  }

  @Test
  void aValidationTableMayHaveAConstantFeature() throws Exception {
    Path f = file("a,b,y\n1,0,1\n2,0,2\n3,0,3\n4,0,4\n");
    NamedPoints read =
        CsvPoints.read("data.validation_path", f, List.of("a", "b"), "y", 100, false);
    assertThat(read.points().size()).isEqualTo(4);
    assertThatThrownBy(() -> CsvPoints.read("data.path", f, List.of("a", "b"), "y", 100, true))
        .hasMessageContaining("feature column b is constant (every value 0.0)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "missing feature  | 'a,b,y\n1,2,3\n' | a,z | y | 100 | line 1: header [a, b, y] has no column z (columns: a, b, y); expected z as a feature column (data.features)",
        "missing label    | 'a,b,y\n1,2,3\n' |     | t | 100 | line 1: header [a, b, y] has no column t (columns: a, b, y); expected t as the label column (data.label)",
        "only the label   | 'y\n1\n2\n'     |     | y | 100 | line 1: header [y] has no column besides the label y",
        "repeated column  | 'a,A,y\n1,2,3\n' | a   | y | 100 | has the column a more than once",
        "non-numeric      | 'a,b,y\n1,2,3\n2,x,4\n' | | y | 100 | line 3: b = 'x' is not a number; every feature and label value must be a finite number",
        "empty value      | 'a,b,y\n1,,3\n'  |     | y | 100 | line 2: b = '' is not a number",
        "NaN              | 'a,b,y\n1,NaN,3\n' |   | y | 100 | line 2: b = NaN is not finite",
        "too few rows     | 'a,b,y\n1,2,3\n2,1,3\n3,5,1\n' | | y | 100 | 3 point(s) for 2 feature(s); at least features + 2 = 4 are needed",
        "constant column  | 'a,b,y\n1,2,3\n2,2,3\n3,2,1\n4,2,0\n' | | y | 100 | feature column b is constant (every value 2.0)",
        "over max         | 'a,b,y\n1,2,3\n' |     | y | 1   | 2 feature columns is more than limits.max_features = 1",
        "no header, named | '1,2,3\n4,5,6\n' | a   | y | 100 | line 1: no header, but data.features and data.label name columns",
        "short row        | 'a,b,y\n1,2,3\n1,2\n' | | y | 100 | line 3: 2 field(s), expected at least 3 (columns a,b,y)",
      })
  void badFeatureTablesAreRefusedInOneLine(
      String name, String content, String features, String label, int max, String message)
      throws Exception {
    List<String> named = features == null ? null : List.of(features.split(",", -1));
    Path f = file(content.replace("\\n", "\n"));
    assertThatThrownBy(() -> CsvPoints.read("data.path", f, named, label, max, true))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("data.path " + f)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> CsvPoints.read("data.path", dir.resolve("nope.csv")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("nope.csv does not exist");
  }
}
