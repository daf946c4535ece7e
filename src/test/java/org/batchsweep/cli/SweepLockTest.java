package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.batchsweep.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepLockTest {

  @TempDir Path out;

  @Test
  void aHeldSweepIdIsRefusedNamingItsHolder() {
    SweepLock held = SweepLock.acquire(out.toString(), "same");
    try {
      assertThatThrownBy(() -> SweepLock.acquire(out.toString(), "same"))
          .isInstanceOf(BadInputException.class)
          .hasMessageStartingWith(
              "--sweep-id same: another run is writing this sweep (pid "
                  + ProcessHandle.current().pid()
                  + " on ");
      // another sweep id into the same folder is independent
      SweepLock other = SweepLock.acquire(out.toString(), "other");
      assertThat(out.resolve("locks/other.lock")).exists();
      other.close();
    } finally {
      held.close();
    }
  }

  @Test
  void aReleasedLockCanBeTakenAgainAndNamesNoHolder() throws Exception {
    SweepLock.acquire(out.toString(), "again").close();
    assertThat(Files.readString(out.resolve("locks/again.lock"))).isEmpty();
    SweepLock.acquire(out.toString(), "again").close();
  }

  @Test
  void aLockFileNobodyHoldsIsStale() throws Exception {
    // what a run killed with -9 leaves: its holder line, but no OS lock
    Files.createDirectories(out.resolve("locks"));
    Files.writeString(
        out.resolve("locks/killed.lock"), "pid 1 on elsewhere, started 2020-01-01T00:00:00Z");
    SweepLock lock = SweepLock.acquire(out.toString(), "killed");
    assertThat(Files.readString(out.resolve("locks/killed.lock")))
        .startsWith("pid " + ProcessHandle.current().pid() + " on ");
    lock.close();
  }

  @Test
  void aNonLocalOutputLocksInTheLocalTemporaryFolder() {
    Path file = SweepLock.lockFile("hdfs:///user/me/results", "x");
    assertThat(file.getParent())
        .isEqualTo(Path.of(System.getProperty("java.io.tmpdir"), "batchsweep-locks"));
    assertThat(file.getFileName().toString()).endsWith("-x.lock");
  }
}
