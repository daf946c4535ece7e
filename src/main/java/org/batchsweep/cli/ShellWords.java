package org.batchsweep.cli;

import java.util.ArrayList;
import java.util.List;
import org.batchsweep.BadInputException;

/**
 * Splits a line typed into {@code ./submit shell} into words the way a POSIX shell splits a command
 * line, so a command copied from a terminal means the same in the shell: blanks separate words;
 * {@code '...'} keeps everything literally; {@code "..."} keeps everything but {@code \"}, {@code
 * \\} and {@code \$}, which it unescapes; a backslash outside quotes keeps the next character; a
 * {@code #} starting a word starts a comment. Nothing is expanded: no variables, globs or {@code
 * ~}.
 */
final class ShellWords {

  private ShellWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    int i = 0;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        i++;
      } else if (c == '#' && !inWord) {
        break;
      } else if (c == '\'') {
        int end = line.indexOf('\'', i + 1);
        if (end < 0) {
          throw unterminated("'");
        }
        word.append(line, i + 1, end);
        inWord = true;
        i = end + 1;
      } else if (c == '"') {
        i = doubleQuoted(line, i + 1, word);
        inWord = true;
      } else if (c == '\\') {
        if (i + 1 < line.length()) {
          word.append(line.charAt(i + 1));
        }
        inWord = true;
        i += 2;
      } else {
        word.append(c);
        inWord = true;
        i++;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** Appends a double-quoted text that starts at {@code from}; returns the index after its end. */
  private static int doubleQuoted(String line, int from, StringBuilder word) {
    int i = from;
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '"') {
        return i + 1;
      }
      if (c == '\\' && i + 1 < line.length() && "\"\\$".indexOf(line.charAt(i + 1)) >= 0) {
        word.append(line.charAt(i + 1));
        i += 2;
      } else {
        word.append(c);
        i++;
      }
    }
    throw unterminated("\"");
  }

  private static BadInputException unterminated(String quote) {
    return new BadInputException(
        "unterminated " + quote + " in the command line; close it on the same line");
  }
}
