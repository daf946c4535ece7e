package org.batchsweep.report;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Prints paragraphs word-wrapped for a terminal. */
public final class Paragraphs {

  static final int WIDTH = 100;

  private Paragraphs() {}

  public static void print(List<String> paragraphs, PrintStream out) {
    for (String paragraph : paragraphs) {
      out.print(wrap(paragraph, WIDTH));
      out.println();
    }
  }

  static String wrap(String text, int width) {
    StringBuilder wrapped = new StringBuilder();
    int column = 0;
    String[] words = text.split(" ", -1);
    int count = words.length;
    while (count > 0 && words[count - 1].isEmpty()) {
      count--; // trailing spaces add no word
    }
    for (String word : Arrays.asList(words).subList(0, count)) {
      if (column > 0 && column + 1 + word.length() > width) {
        wrapped.append('\n');
        column = 0;
      } else if (column > 0) {
        wrapped.append(' ');
        column++;
      }
      wrapped.append(word);
      column += word.length();
    }
    return wrapped.append('\n').toString();
  }
}
