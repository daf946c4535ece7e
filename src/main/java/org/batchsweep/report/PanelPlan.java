package org.batchsweep.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * How a sweep's settings are split into small multiples: one axis varies within a panel (its lines,
 * or a convergence map's rows); every combination of the other varying axes gets panels of its own.
 * Works for whatever axes a sweep varies.
 *
 * <p>Readable at any size: a panel holds at most {@code perPanel} values of the inner axis (more
 * are split over up to {@link #MAX_SPLIT} panels, or evenly thinned beyond that), and at most
 * {@code maxPanels} panels are drawn. {@link #leftOut} says in words what was not drawn.
 *
 * @param inner the axis that varies within a panel, or null when the sweep varies none
 * @param innerValues every value of the inner axis in order, for one colour per value in all panels
 * @param panels the panels to draw, in order
 * @param leftOut what was not drawn, as sentences; empty when everything was
 */
record PanelPlan(String inner, List<Object> innerValues, List<Panel> panels, List<String> leftOut) {

  /** Panels a value range of the inner axis may be split over before it is thinned instead. */
  static final int MAX_SPLIT = 3;

  /**
   * @param title the other axes' values, e.g. {@code sgd · momentum 0.9 · shuffled}; empty when
   *     nothing else varies
   * @param settings the panel's settings, ordered by the inner axis's value
   */
  record Panel(String title, List<Setting> settings) {}

  PanelPlan {
    innerValues = java.util.Collections.unmodifiableList(new ArrayList<>(innerValues));
    panels = List.copyOf(panels);
    leftOut = List.copyOf(leftOut);
  }

  /**
   * @param settings every setting, in order
   * @param axes the setting axes the sweep varies, broadest first
   */
  static PanelPlan of(List<Setting> settings, List<String> axes, int perPanel, int maxPanels) {
    String inner = innerAxis(settings, axes);
    List<String> outer = axes.stream().filter(a -> !a.equals(inner)).toList();
    List<Object> values = inner == null ? List.of() : distinct(settings, inner);
    List<String> leftOut = new ArrayList<>();

    // Which inner values go into which panel of a group: all in one, split into consecutive runs,
    // or thinned.
    List<List<Object>> chunks = new ArrayList<>();
    if (values.size() <= perPanel) {
      chunks.add(values);
    } else if (values.size() <= MAX_SPLIT * perPanel) {
      int parts = (values.size() + perPanel - 1) / perPanel;
      for (int p = 0; p < parts; p++) {
        chunks.add(values.subList(p * values.size() / parts, (p + 1) * values.size() / parts));
      }
    } else {
      List<Object> kept = BatchSizeCurves.thin(values, perPanel);
      chunks.add(kept);
      leftOut.add(
          String.format(
              java.util.Locale.ROOT,
              "%d of the %d values of %s are drawn (%s); the others are left out.",
              kept.size(),
              values.size(),
              Labels.axisTitle(inner),
              String.join(", ", kept.stream().map(v -> Labels.axisValue(inner, v)).toList())));
    }

    Map<Setting, List<Setting>> groups = new LinkedHashMap<>();
    for (Setting s : settings) {
      groups.computeIfAbsent(inner == null ? s : s.without(inner), k -> new ArrayList<>()).add(s);
    }
    List<Panel> panels = new ArrayList<>();
    List<String> notDrawn = new ArrayList<>();
    for (Map.Entry<Setting, List<Setting>> group : groups.entrySet()) {
      String title = group.getKey().label(outer);
      for (List<Object> chunk : chunks) {
        List<Setting> members =
            group.getValue().stream()
                .filter(s -> inner == null || chunk.contains(s.get(inner)))
                .sorted((a, b) -> Setting.compareValues(a.get(inner), b.get(inner)))
                .toList();
        if (members.isEmpty()) {
          continue;
        }
        String full = title;
        if (chunks.size() > 1) {
          // Split panels name their share of the inner axis, so two panels never share a title.
          String range =
              Labels.axisValue(inner, chunk.get(0))
                  + " to "
                  + Labels.axisValue(inner, chunk.get(chunk.size() - 1))
                      .replaceFirst("^" + java.util.regex.Pattern.quote(inner) + " ", "");
          full = title.isEmpty() ? range : title + " · " + range;
        }
        if (panels.size() < maxPanels) {
          panels.add(new Panel(full, members));
        } else if (!notDrawn.contains(title)) {
          notDrawn.add(title);
        }
      }
    }
    if (!notDrawn.isEmpty()) {
      leftOut.add(
          String.format(
              java.util.Locale.ROOT,
              "%d more %s not drawn (%s%s).",
              notDrawn.size(),
              notDrawn.size() == 1
                  ? "setting of the other axes is"
                  : "settings of the other axes are",
              String.join("; ", notDrawn.subList(0, Math.min(5, notDrawn.size()))),
              notDrawn.size() > 5 ? "; …" : ""));
    }
    return new PanelPlan(inner, values, panels, leftOut);
  }

  /**
   * The axis that varies within a panel: the learning rate when it varies (the value people tune
   * first), else the axis with the most values (the broadest on a tie); null when none varies.
   */
  static String innerAxis(List<Setting> settings, List<String> axes) {
    if (axes.contains("lr")) {
      return "lr";
    }
    String best = null;
    int most = 1;
    for (String axis : axes) {
      int n = distinct(settings, axis).size();
      if (n > most) {
        best = axis;
        most = n;
      }
    }
    return best;
  }

  static List<Object> distinct(List<Setting> settings, String axis) {
    TreeSet<Object> values = new TreeSet<>(Setting.VALUE_ORDER);
    for (Setting s : settings) {
      if (s.get(axis) != null) {
        values.add(s.get(axis));
      }
    }
    return new ArrayList<>(values);
  }

  /** This plan with one more sentence about what is not drawn. */
  PanelPlan withNote(String sentence) {
    List<String> notes = new ArrayList<>(leftOut);
    notes.add(sentence);
    return new PanelPlan(inner, innerValues, panels, notes);
  }

  /** The inner value's position among all of them, for its colour; 0 without an inner axis. */
  int indexOf(Setting setting) {
    return inner == null ? 0 : Math.max(0, innerValues.indexOf(setting.get(inner)));
  }
}
