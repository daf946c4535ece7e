package org.batchsweep;

/**
 * Input a user can fix: a spec key, a command-line value, a data file. The message is one line that
 * names the key or file, the offending value and what would be accepted; the command line prints it
 * without a stack trace and exits with status 2.
 */
public class BadInputException extends RuntimeException {

  public BadInputException(String message) {
    super(message);
  }

  public BadInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
