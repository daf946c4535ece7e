package org.batchsweep.data;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.batchsweep.BadInputException;
import org.batchsweep.Messages;
import org.batchsweep.core.Points;

/**
 * Reads points from a CSV file with columns x and y: a header naming them (in any order, other
 * columns ignored) or no header and exactly two numeric columns. Every problem is reported with the
 * file, the line and what was expected.
 */
public final class CsvPoints {

  private CsvPoints() {}

  public static Points read(String key, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(
          key
              + ": "
              + file
              + " does not exist or is not a file; expected a CSV file with columns x,y");
    }
    CsvParserSettings settings = new CsvParserSettings();
    settings.setHeaderExtractionEnabled(false);
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setIgnoreLeadingWhitespaces(true);
    settings.setIgnoreTrailingWhitespaces(true);
    settings.setSkipEmptyLines(true);
    settings.setMaxCharsPerColumn(4096);
    CsvParser parser = new CsvParser(settings);
    String where = key + " " + file;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      parser.beginParsing(reader);
      String[] first = parser.parseNext();
      if (first == null) {
        throw new BadInputException(
            where + ": the file is empty; expected a header x,y and one point per line");
      }
      int xColumn;
      int yColumn;
      double[] xs = new double[1024];
      double[] ys = new double[1024];
      int n = 0;
      if (isNumber(first[0])) {
        if (first.length != 2) {
          throw new BadInputException(
              where
                  + " line 1: "
                  + first.length
                  + " column(s) without a header; expected a header"
                  + " naming x and y, or exactly two numeric columns x,y");
        }
        xColumn = 0;
        yColumn = 1;
        xs[0] = value(where, 1, "x", first[0]);
        ys[0] = value(where, 1, "y", first[1]);
        n = 1;
      } else {
        xColumn = column(first, "x");
        yColumn = column(first, "y");
        if (xColumn < 0 || yColumn < 0) {
          throw new BadInputException(
              where
                  + " line 1: header "
                  + Arrays.toString(first)
                  + " has no column "
                  + (xColumn < 0 ? "x" : "y")
                  + "; expected columns x,y");
        }
      }
      String[] row;
      while ((row = parser.parseNext()) != null) {
        long line = parser.getContext().currentLine();
        int needed = Math.max(xColumn, yColumn) + 1;
        if (row.length < needed) {
          throw new BadInputException(
              where
                  + " line "
                  + line
                  + ": "
                  + row.length
                  + " field(s), expected at least "
                  + needed
                  + " (columns x,y)");
        }
        if (n == xs.length) {
          xs = Arrays.copyOf(xs, 2 * n);
          ys = Arrays.copyOf(ys, 2 * n);
        }
        xs[n] = value(where, line, "x", row[xColumn]);
        ys[n] = value(where, line, "y", row[yColumn]);
        n++;
      }
      if (n < 2) {
        throw new BadInputException(
            where + ": " + n + " point(s); at least 2 are needed to fit a line");
      }
      return new Points(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
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

  private static int column(String[] header, String name) {
    for (int i = 0; i < header.length; i++) {
      if (header[i] != null && header[i].trim().toLowerCase(Locale.ROOT).equals(name)) {
        return i;
      }
    }
    return -1;
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
              + "' is not a number; every x and y must be a finite number");
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
              + " is not finite; every x and y must be a finite number");
    }
    return value;
  }
}
