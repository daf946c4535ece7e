package org.batchsweep.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs ./submit as a user would: from a working folder of the test's, capturing its output. */
final class SubmitProcess {

  static final Path HOME = Path.of(System.getProperty("batchsweep.home", ".")).toAbsolutePath();

  record Result(int exit, String stdout, String stderr) {
    List<String> stderrLines() {
      return Arrays.stream(stderr.split("\n")).filter(l -> !l.isBlank()).toList();
    }
  }

  private final Path work;
  private int calls;

  SubmitProcess(Path work) {
    this.work = work;
  }

  /** Starts ./submit without waiting; its output goes to files in the working folder. */
  Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(HOME.resolve("submit").toString());
    command.addAll(List.of(args));
    calls++;
    return new ProcessBuilder(command)
        .directory(work.toFile())
        .redirectOutput(work.resolve("stdout-" + calls + ".txt").toFile())
        .redirectError(work.resolve("stderr-" + calls + ".txt").toFile())
        .start();
  }

  Result run(String... args) throws IOException, InterruptedException {
    Process process = start(args);
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("./submit " + String.join(" ", args) + " did not finish in 5 minutes");
    }
    return new Result(
        process.exitValue(),
        Files.readString(work.resolve("stdout-" + calls + ".txt"), StandardCharsets.UTF_8),
        Files.readString(work.resolve("stderr-" + calls + ".txt"), StandardCharsets.UTF_8));
  }
}
