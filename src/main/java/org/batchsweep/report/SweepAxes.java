package org.batchsweep.report;

import java.util.ArrayList;
import java.util.List;
import org.batchsweep.store.RunAxes;
import org.batchsweep.store.RunRow;

/**
 * Which configuration columns a sweep's runs table has, and which of them take more than one value
 * (its {@link RunAxes}), as the report's figures group them.
 *
 * <p>The configuration columns are listed once, in {@link RunRow#AXES}; those the runs table does
 * not have (tables written by an older build) are skipped, so every figure groups by whatever axes
 * a sweep varies rather than by a fixed set.
 */
record SweepAxes(RunAxes axes) {

  /** The runs table's configuration columns that can be axes of a sweep: {@link RunRow#AXES}. */
  static final List<String> CONFIGURATION = RunRow.AXES;

  /** Numeric axes a convergence map can be drawn over, in the order they are preferred. */
  static final List<String> NUMERIC =
      List.of("batch_size", "lr", "momentum", "weight_decay", "epochs");

  /** The columns that are not part of a setting: the x axis and the replicates. */
  static final List<String> NOT_SETTING = List.of(RunRow.BATCH_SIZE, RunRow.SEED);

  boolean has(String column) {
    return axes.has(column);
  }

  boolean varies(String column) {
    return axes.varies(column);
  }

  /**
   * The columns a setting is grouped by: loss and shuffle always (the seed figure is drawn per loss
   * and its lines are the shuffle settings), then every other varying configuration column but
   * batch size and seed, in {@link #CONFIGURATION} order.
   */
  List<String> settingColumns() {
    List<String> columns = new ArrayList<>();
    for (String c : CONFIGURATION) {
      if (has(c)
          && !NOT_SETTING.contains(c)
          && (c.equals("loss") || c.equals("shuffle") || varies(c))) {
        columns.add(c);
      }
    }
    return columns;
  }

  /**
   * The varying axes that make a setting: every varying configuration column but batch size and
   * seed.
   */
  List<String> settingAxes() {
    return CONFIGURATION.stream().filter(c -> !NOT_SETTING.contains(c) && varies(c)).toList();
  }

  /**
   * The varying axes besides loss and shuffle, which tell runs of one loss and shuffle setting
   * apart.
   */
  List<String> variants() {
    return settingAxes().stream().filter(c -> !c.equals("loss") && !c.equals("shuffle")).toList();
  }

  /** The {@link #NUMERIC} axes this sweep varies. */
  List<String> numeric() {
    return NUMERIC.stream().filter(this::varies).toList();
  }
}
