package org.batchsweep.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
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
    Points p = CsvPoints.read("data.path", file("0.0,1.0\n1.0,-3.0\r\n"));
    assertThat(p.size()).isEqualTo(2);
    assertThat(p.y()).containsExactly(1.0, -3.0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty         | ''                     | the file is empty",
        "header only   | 'x,y\n'                | 0 point(s); at least 2 are needed",
        "one point     | 'x,y\n1,2\n'           | 1 point(s); at least 2 are needed",
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

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> CsvPoints.read("data.path", dir.resolve("nope.csv")))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("nope.csv does not exist");
  }
}
