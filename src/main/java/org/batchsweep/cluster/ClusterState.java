package org.batchsweep.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code cluster start} launched, saved in {@code cluster.properties} as plain {@code
 * key=value} lines (no escaping, so ./submit can read {@code master.url} with sed).
 *
 * @param masterUrl the URL applications connect to, e.g. {@code spark://127.0.0.1:40123}; empty
 *     while the master is still starting
 * @param webUi the master's web UI, e.g. {@code http://127.0.0.1:42717} (empty when not known)
 * @param master the master JVM
 * @param workers the worker JVMs, in order
 * @param cores cores per worker
 * @param memory memory per worker, as given (e.g. {@code 1g})
 */
public record ClusterState(
    String masterUrl,
    String webUi,
    DaemonProcess master,
    List<DaemonProcess> workers,
    int cores,
    String memory) {

  public ClusterState {
    workers = List.copyOf(workers);
  }

  ClusterState withWorkers(List<DaemonProcess> newWorkers) {
    return new ClusterState(masterUrl, webUi, master, newWorkers, cores, memory);
  }

  public List<DaemonProcess> daemons() {
    List<DaemonProcess> all = new ArrayList<>();
    if (master != null) {
      all.add(master);
    }
    all.addAll(workers);
    return all;
  }

  public void save(Path file) {
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("master.url", masterUrl);
    lines.put("master.webui", webUi);
    put(lines, master);
    lines.put("workers", Integer.toString(workers.size()));
    for (DaemonProcess worker : workers) {
      put(lines, worker);
    }
    lines.put("worker.cores", Integer.toString(cores));
    lines.put("worker.memory", memory);
    StringBuilder text =
        new StringBuilder(
            "# written by ./submit cluster start; read by ./submit and cluster stop|status\n");
    lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    try {
      Path tmp = Files.createTempFile(file.getParent(), ".cluster", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public static Optional<ClusterState> load(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Map<String, String> map = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        int eq = line.indexOf('=');
        if (!line.startsWith("#") && eq > 0) {
          map.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try {
      DaemonProcess master = daemon(map, "master");
      List<DaemonProcess> workers = new ArrayList<>();
      int count = Integer.parseInt(map.getOrDefault("workers", "0"));
      for (int i = 1; i <= count; i++) {
        workers.add(daemon(map, "worker-" + i));
      }
      return Optional.of(
          new ClusterState(
              map.getOrDefault("master.url", ""),
              map.getOrDefault("master.webui", ""),
              master,
              workers,
              Integer.parseInt(map.getOrDefault("worker.cores", "0")),
              map.getOrDefault("worker.memory", "")));
    } catch (RuntimeException e) {
      throw new ClusterException(
          file
              + " is damaged ("
              + e.getMessage()
              + "); stop the cluster's JVMs by hand and delete it");
    }
  }

  private static void put(Map<String, String> lines, DaemonProcess p) {
    if (p != null) {
      lines.put(p.name() + ".pid", Long.toString(p.pid()));
      lines.put(p.name() + ".start", Long.toString(p.startMillis()));
      lines.put(p.name() + ".address", p.address());
    }
  }

  private static DaemonProcess daemon(Map<String, String> map, String name) {
    String pid = map.get(name + ".pid");
    if (pid == null) {
      return null;
    }
    return new DaemonProcess(
        name,
        Long.parseLong(pid),
        Long.parseLong(map.get(name + ".start")),
        map.getOrDefault(name + ".address", ""));
  }
}
