package org.batchsweep.data;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.batchsweep.BadInputException;
import org.batchsweep.Messages;
import org.batchsweep.core.Points;
import org.batchsweep.spec.DataSpec;

/**
 * Reads points from a CSV file: a header naming the feature and label columns (in any order, other
 * columns ignored; see {@link FileColumns} for the default features), or, for one-feature files
 * only, no header and exactly two numeric columns x,y. Every problem is reported with the file, the
 * line and what was expected; the table rules of {@link TableRules} apply.
 */
public final class CsvPoints {

  /** limits.max_features's default, for one-feature callers that pass no spec. */
  private static final int DEFAULT_MAX_FEATURES = 100;

  private CsvPoints() {}

  /** A one-feature x,y file (or any file whose header has x and y), as training data. */
  public static Points read(String key, Path file) {
    return read(key, file, null, DataSpec.DEFAULT_LABEL, DEFAULT_MAX_FEATURES, true).points();
  }

  /**
   * @param features the feature columns, or null for the default
   * @param training whether this is the training table (only it must have no constant feature)
   */
  public static NamedPoints read(
      String key,
      Path file,
      List<String> features,
      String label,
      int maxFeatures,
      boolean training) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          key
              + ": "
              + file
              + " does not exist or is not a file; expected a CSV file with a header naming its"
              + " columns (x,y for one feature)");
    }
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(false);
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setIgnoreLeadingWhitespaces(true);
    settings.setIgnoreTrailingWhitespaces(true);
    settings.setSkipEmptyLines(true);
    settings.setMaxCharsPerColumn(4096);
    settings.setMaxColumns(Math.max(512, 4 * maxFeatures + 16));
    CsvParser parser = new CsvParser(settings);
    String where = key + " " + file;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      parser.beginParsing(reader);
      String[] first = parser.parseNext();
      if (first == null) {
        throw new BadInputException(
            where
                + ": the file is empty; expected a header naming the columns and one point a line");
      }
      Rows rows;
      if (isNumber(first[0])) {
        rows = headerless(where, first, features, label);
      } else {
        FileColumns.Resolved columns =
            FileColumns.resolve(
                where + " line 1: header " + Arrays.toString(first),
                Arrays.asList(first),
                features,
                label,
                maxFeatures);
        rows = new Rows(columns, label);
      }
      String[] row;
      while ((row = parser.parseNext()) != null) {
        rows.add(where, parser.getContext().currentLine(), row);
      }
      return rows.finish(where, training);
    } catch (IOException e) {
      throw new BadInputException(where + ": cannot be read (" + e.getMessage() + ")");
    } catch (com.univocity.parsers.common.TextParsingException e) {
      throw new BadInputException(
          where
              + " line "
              + (e.getLineIndex() + 1)
              + ": not valid CSV ("
              + Messages.firstLine(e.getMessage())
              + ")");
    } finally {
      parser.stopParsing();
    }
  }

  /** A file without a header: only the one-feature layout x,y, and only with the default names. */
  private static Rows headerless(
      String where, String[] first, List<String> features, String label) {
    if (features != null || !label.equals(DataSpec.DEFAULT_LABEL)) {
      throw new BadInputException(
          where
              + " line 1: no header, but data.features and data.label name columns; expected a"
              + " header line naming them");
    }
    if (first.length != 2) {
      throw new BadInputException(
          where
              + " line 1: "
              + first.length
              + " column(s) without a header; expected a header"
              + " naming the columns, or exactly two numeric columns x,y");
    }
    Rows rows =
        new Rows(
            new FileColumns.Resolved(List.of(FileColumns.X), new int[] {0}, 1),
            DataSpec.DEFAULT_LABEL);
    rows.add(where, 1, first);
    return rows;
  }

  /** The values read so far, in growing arrays. */
  private static final class Rows {
    private final FileColumns.Resolved columns;
    private final String label;
    private final int d;
    private double[] x;
    private double[] y = new double[1024];
    private int n;

    Rows(FileColumns.Resolved columns, String label) {
      this.columns = columns;
      this.label = label;
      this.d = columns.features().size();
      this.x = new double[1024 * d];
    }

    void add(String where, long line, String[] row) {
      int needed = columns.width();
      if (row.length < needed) {
        throw new BadInputException(
            where
                + " line "
                + line
                + ": "
                + row.length
                + " field(s), expected at least "
                + needed
                + " (columns "
                + columns.describe(label)
                + ")");
      }
      if (n == y.length) {
        if ((long) 2 * n * d > Integer.MAX_VALUE - 8) {
          throw new BadInputException(
              where + ": more than " + n + " points of " + d + " features do not fit in memory");
        }
        y = Arrays.copyOf(y, 2 * n);
        x = Arrays.copyOf(x, 2 * n * d);
      }
      for (int j = 0; j < d; j++) {
        x[n * d + j] =
            value(where, line, columns.features().get(j), row[columns.featureIndex()[j]]);
      }
      y[n] = value(where, line, label, row[columns.labelIndex()]);
      n++;
    }

    NamedPoints finish(String where, boolean training) {
      double[] features = Arrays.copyOf(x, n * d);
      TableRules.check(where, columns.features(), features, n, training);
      return new NamedPoints(new Points(d, features, Arrays.copyOf(y, n)), columns.features());
    }
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static double value(String where, long line, String column, String text) {
    double value;
    try {
      value = Double.parseDouble(text);
    } catch (RuntimeException e) {
      throw new BadInputException(
          where
              + " line "
              + line
              + ": "
              + column
              + " = '"
              + (text == null ? "" : text)
              + "' is not a number; every feature and label value must be a finite number");
    }
    if (!Double.isFinite(value)) {
      throw new BadInputException(
          where
              + " line "
              + line
              + ": "
              + column
              + " = "
              + text
              + " is not finite; every feature and label value must be a finite number");
    }
    return value;
  }
}
