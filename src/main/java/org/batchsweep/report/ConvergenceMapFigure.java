package org.batchsweep.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.batchsweep.diagnose.Diagnosis;
import org.batchsweep.report.ConvergenceCells.Cell;
import org.batchsweep.report.Legend.Entry;
import org.batchsweep.report.Legend.Style;

/**
 * Convergence maps: which settings converge at which batch sizes, at a glance. One panel per
 * combination of the axes other than the {@link PanelPlan#inner} one (per optimizer, say, and per
 * data order); in a panel one row per value of the inner axis (the learning rate when it varies)
 * and one column per batch size or batch-size band. A cell's colour and number are the share of its
 * runs that converged (pale 0 %, deep blue 100 %); a strip along its bottom has the colour of the
 * most common other diagnosis, so a cell also says why its runs failed.
 *
 * <p>Drawn directly (not with XChart), so a cell's number and strip read the same in PNG and SVG.
 */
final class ConvergenceMapFigure {

  static final String NAME = "convergence-map";
  static final int MAX_ROWS = 12;
  static final int MAX_PANELS = 24;
  static final int WIDTH = 900;
  private static final int TITLE = 26;
  private static final int ROW = 26;
  private static final int FOOT = 40;
  private static final int LABELS = 84;
  private static final int MAX_CELL = 64;
  private static final Font CELL_FONT = Charts.BASE.deriveFont(Font.BOLD, 11.5f);
  private static final Font SMALL = Charts.BASE.deriveFont(11f);

  private ConvergenceMapFigure() {}

  static Figure of(PanelPlan plan, ConvergenceCells cells, List<String> axes) {
    Map<Setting, Cell[]> bySetting = new HashMap<>();
    for (Cell c : cells.cells()) {
      if (c.column() >= 0) {
        bySetting.computeIfAbsent(c.setting(), k -> new Cell[cells.columns().size()])[c.column()] =
            c;
      }
    }
    int columns = plan.panels().size() > 1 && cells.columns().size() <= 9 ? 2 : 1;
    List<Figure.Panel> panels = new ArrayList<>();
    Set<String> failures = new LinkedHashSet<>();
    for (PanelPlan.Panel panel : plan.panels()) {
      List<String> rowLabels = new ArrayList<>();
      List<Cell[]> rows = new ArrayList<>();
      for (Setting s : panel.settings()) {
        rowLabels.add(
            plan.inner() == null
                ? "all runs"
                : Labels.axisValue(plan.inner(), s.get(plan.inner())));
        Cell[] row = bySetting.getOrDefault(s, new Cell[cells.columns().size()]);
        rows.add(row);
        for (Cell c : row) {
          if (c != null && c.mainFailure() != null) {
            failures.add(c.mainFailure());
          }
        }
      }
      String title = panel.title().isEmpty() ? "all runs" : panel.title();
      panels.add(
          Figure.Panel.painted(
              new MapPanel(title, rowLabels, rows, cells.columns()),
              TITLE + ROW * rows.size() + FOOT));
    }
    List<Entry> legend = new ArrayList<>();
    for (int share : new int[] {0, 50, 100}) {
      legend.add(new Entry(share + "% converged", Palette.share(share / 100.0), Style.SWATCH));
    }
    for (Diagnosis d : Diagnosis.values()) {
      if (failures.contains(d.label())) {
        legend.add(new Entry("mostly " + d.label(), Palette.diagnosis(d.label()), Style.BAR));
      }
    }
    failures.stream()
        .filter(f -> Diagnoses.parse(f) == null)
        .forEach(f -> legend.add(new Entry("mostly " + f, Palette.diagnosis(f), Style.BAR)));
    return new Figure(
        NAME,
        title(plan, axes),
        caption(plan, cells, axes),
        WIDTH,
        columns,
        panels,
        new Legend(legend));
  }

  private static String title(PanelPlan plan, List<String> axes) {
    List<String> outer =
        axes.stream().filter(a -> !a.equals(plan.inner())).map(Labels::axisTitle).toList();
    StringBuilder t = new StringBuilder("Which settings converge at which batch sizes");
    if (!outer.isEmpty()) {
      t.append(": a map per ").append(String.join(" × ", outer));
    }
    return t.toString();
  }

  private static String caption(PanelPlan plan, ConvergenceCells cells, List<String> axes) {
    StringBuilder text =
        new StringBuilder(
                "Each cell is the share of a setting's runs at those batch sizes that ended within")
            .append(
                " the tolerance of the reference line, over the replicate seeds: deep blue all"
                    + " converged, pale none.")
            .append(
                " The strip along a cell's bottom has the colour of its most common other"
                    + " diagnosis.");
    if (plan.inner() != null) {
      text.append(" Rows: ").append(Labels.axisTitle(plan.inner())).append('.');
    }
    text.append(
        cells.banded()
            ? " Columns: batch sizes in bands (1, 2–3, 4–10, 11–30, …)."
            : " Columns: batch sizes.");
    for (String s : plan.leftOut()) {
      text.append(' ').append(s);
    }
    return text.toString();
  }

  /** One map: a title, a row label per row, and cells. */
  private record MapPanel(
      String title, List<String> rowLabels, List<Cell[]> rows, List<String> columns)
      implements Figure.Painter {

    @Override
    public void paint(Graphics2D g, int width, int height) {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      int n = columns.size();
      g.setFont(SMALL);
      int widest = 0;
      for (String label : rowLabels) {
        widest = Math.max(widest, g.getFontMetrics().stringWidth(label));
      }
      int left = Math.max(LABELS, Math.min(width / 2, widest + 16));
      int cell = Math.max(24, Math.min(MAX_CELL, (width - left - 16) / Math.max(1, n)));
      g.setColor(Palette.INK);
      g.setFont(Charts.TITLE);
      g.drawString(title, left, 18);

      g.setFont(SMALL);
      FontMetrics small = g.getFontMetrics();
      for (int r = 0; r < rows.size(); r++) {
        int top = TITLE + r * ROW;
        String label = rowLabels.get(r);
        g.setFont(SMALL);
        g.setColor(Palette.INK);
        g.drawString(
            label, left - 8 - small.stringWidth(label), top + ROW / 2 + small.getAscent() / 2 - 2);
        Cell[] row = rows.get(r);
        for (int c = 0; c < n; c++) {
          paintCell(g, row[c], left + c * cell, top, cell);
        }
      }
      int bottom = TITLE + rows.size() * ROW;
      g.setFont(SMALL);
      g.setColor(Palette.INK);
      for (int c = 0; c < n; c++) {
        String label = columns.get(c);
        g.drawString(label, left + c * cell + (cell - small.stringWidth(label)) / 2, bottom + 14);
      }
      String axis = "batch size";
      g.setColor(new Color(0x555555));
      g.drawString(axis, left + (n * cell - small.stringWidth(axis)) / 2, bottom + 30);
    }

    private static void paintCell(Graphics2D g, Cell cell, int x, int y, int size) {
      int w = size - 2;
      int h = ROW - 2;
      if (cell == null || cell.runs() == 0) {
        g.setColor(new Color(0xF2F2F2));
        g.fillRect(x + 1, y + 1, w, h);
        return;
      }
      double share = cell.share();
      Color fill = Palette.share(share);
      g.setColor(fill);
      g.fillRect(x + 1, y + 1, w, h);
      String failure = cell.mainFailure();
      if (failure != null) {
        g.setColor(Palette.diagnosis(failure));
        g.fillRect(x + 1, y + h - 3, w, 4);
      }
      String text = String.format(Locale.ROOT, "%d%%", Math.round(100 * share));
      g.setFont(CELL_FONT);
      FontMetrics fm = g.getFontMetrics();
      g.setColor(share > 0.55 ? Color.WHITE : Palette.INK);
      g.drawString(
          text,
          x + 1 + (w - fm.stringWidth(text)) / 2,
          y + 1 + (h - 3) / 2 + fm.getAscent() / 2 - 1);
    }
  }
}
