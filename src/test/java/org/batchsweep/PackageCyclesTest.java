package org.batchsweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The packages of batchsweep form no cycle: jdeps (the JDK's own dependency analyser) reads the
 * compiled main classes, and every dependency between two {@code org.batchsweep.*} packages must
 * point one way only, so {@code core} depends on nothing and the layers stack.
 */
class PackageCyclesTest {

  private static final Pattern EDGE =
      Pattern.compile(
          "^\\s+(org\\.batchsweep[\\w.]*)\\s+->\\s+(org\\.batchsweep[\\w.]*)\\s",
          Pattern.MULTILINE);

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    Path classes = Path.of("target", "classes");
    assertThat(classes).as("compiled main classes").isDirectory();
    Map<String, Set<String>> graph = dependencies(classes);
    assertThat(graph).as("jdeps found our packages").containsKey("org.batchsweep.cli");
    List<List<String>> cycles = new ArrayList<>();
    for (String start : graph.keySet()) {
      cycleFrom(start, start, graph, new ArrayList<>(List.of(start)), cycles);
    }
    assertThat(cycles).as("package cycles (each as a path back to its first package)").isEmpty();
  }

  @Test
  void theCheckFindsACycle() {
    Map<String, Set<String>> graph = new TreeMap<>();
    graph.put("a", Set.of("b"));
    graph.put("b", Set.of("c"));
    graph.put("c", Set.of("a"));
    List<List<String>> cycles = new ArrayList<>();
    cycleFrom("a", "a", graph, new ArrayList<>(List.of("a")), cycles);
    assertThat(cycles).containsExactly(List.of("a", "b", "c", "a"));
  }

  /** Package → the other org.batchsweep packages it uses, from {@code jdeps -verbose:package}. */
  private static Map<String, Set<String>> dependencies(Path classes) {
    ToolProvider jdeps =
        ToolProvider.findFirst("jdeps")
            .orElseThrow(() -> new AssertionError("no jdeps in this JDK"));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        jdeps.run(
            new PrintWriter(out),
            new PrintWriter(err),
            "-verbose:package",
            "-filter:none",
            "-e",
            "org\\.batchsweep(\\..*)?",
            classes.toString());
    assertThat(status).as("jdeps: " + err).isZero();
    Map<String, Set<String>> graph = new TreeMap<>();
    Matcher m = EDGE.matcher(out.toString());
    while (m.find()) {
      if (!m.group(1).equals(m.group(2))) {
        graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
      }
    }
    return graph;
  }

  /**
   * Adds every simple cycle through {@code start} whose other packages sort after it (each cycle
   * once).
   */
  private static void cycleFrom(
      String start,
      String at,
      Map<String, Set<String>> graph,
      List<String> path,
      List<List<String>> cycles) {
    for (String next : graph.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(start);
        cycles.add(cycle);
      } else if (next.compareTo(start) > 0 && !path.contains(next)) {
        path.add(next);
        cycleFrom(start, next, graph, path, cycles);
        path.remove(path.size() - 1);
      }
    }
  }
}
