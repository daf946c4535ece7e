package org.batchsweep.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.batchsweep.BadInputException;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void blanksSeparateWords() {
    assertThat(ShellWords.split("  run   large\t--out /tmp/x  "))
        .containsExactly("run", "large", "--out", "/tmp/x");
    assertThat(ShellWords.split("")).isEmpty();
    assertThat(ShellWords.split("   ")).isEmpty();
  }

  @Test
  void quotesKeepAQueryInOneWord() {
    assertThat(
            ShellWords.split(
                "sql \"SELECT * FROM runs WHERE sweep_id = 'seed-1' LIMIT 3\" --format csv"))
        .containsExactly(
            "sql", "SELECT * FROM runs WHERE sweep_id = 'seed-1' LIMIT 3", "--format", "csv");
    assertThat(ShellWords.split("sql 'SELECT \"x\" AS y'"))
        .containsExactly("sql", "SELECT \"x\" AS y");
  }

  @Test
  void quotedPartsJoinTheWordAroundThem() {
    assertThat(ShellWords.split("--set grid.lr='[0.1, 0.01]'"))
        .containsExactly("--set", "grid.lr=[0.1, 0.01]");
    assertThat(ShellWords.split("a\"b c\"d")).containsExactly("ab cd");
    assertThat(ShellWords.split("'' x")).containsExactly("", "x");
  }

  @Test
  void backslashesEscapeAsInAPosixShell() {
    assertThat(ShellWords.split("a\\ b")).containsExactly("a b");
    assertThat(ShellWords.split("\"a\\\"b\\\\c\\n\"")).containsExactly("a\"b\\c\\n");
    assertThat(ShellWords.split("'a\\b'")).containsExactly("a\\b");
  }

  @Test
  void aHashStartingAWordIsAComment() {
    assertThat(ShellWords.split("# a comment")).isEmpty();
    assertThat(ShellWords.split("run seed # the default")).containsExactly("run", "seed");
    assertThat(ShellWords.split("run a#b")).containsExactly("run", "a#b");
  }

  @Test
  void anUnterminatedQuoteIsRefused() {
    assertThatThrownBy(() -> ShellWords.split("sql \"SELECT 1"))
        .isInstanceOf(BadInputException.class)
        .hasMessage("unterminated \" in the command line; close it on the same line");
    assertThatThrownBy(() -> ShellWords.split("sql 'SELECT 1"))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("unterminated '");
  }
}
