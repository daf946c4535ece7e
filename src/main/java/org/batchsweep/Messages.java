package org.batchsweep;

/** Text of other libraries' messages, cut down to what fits in one line of ours. */
public final class Messages {

  private Messages() {}

  /**
   * The message up to its first line break (the whole message when it has none; {@code "null"} for
   * none at all). Parsers and Spark put context and stack-like detail on later lines; the first
   * says what went wrong.
   */
  public static String firstLine(String message) {
    String text = String.valueOf(message);
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl);
  }
}
