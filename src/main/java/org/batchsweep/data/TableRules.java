package org.batchsweep.data;

import java.util.List;
import org.batchsweep.BadInputException;

/**
 * The rules every table of points obeys, whatever its format: at least features + 2 rows (so a fit
 * of the d weights and the intercept leaves a residual), and in the training table no constant
 * feature column (it cannot be told apart from the intercept, and has no spread to standardize by).
 * Missing, non-numeric and non-finite values are refused by the readers, with their row.
 */
final class TableRules {

  private TableRules() {}

  /**
   * @param x the features, row-major, {@code names.size()} per row
   * @param rows the number of rows read
   */
  static void check(String where, List<String> names, double[] x, int rows, boolean training) {
    int d = names.size();
    if (rows < d + 2) {
      throw new BadInputException(
          where
              + ": "
              + rows
              + " point(s) for "
              + d
              + " feature(s); at least features + 2 = "
              + (d + 2)
              + " are needed");
    }
    if (!training) {
      return;
    }
    for (int j = 0; j < d; j++) {
      double first = x[j];
      boolean constant = true;
      for (int i = 1; i < rows && constant; i++) {
        constant = x[i * d + j] == first;
      }
      if (constant) {
        throw new BadInputException(
            where
                + ": feature column "
                + names.get(j)
                + " is constant (every value "
                + first
                + "); it cannot be fitted apart from the intercept nor standardized;"
                + " drop it (list the others in data.features)");
      }
    }
  }
}
