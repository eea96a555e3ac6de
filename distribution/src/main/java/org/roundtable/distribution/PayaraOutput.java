package org.roundtable.distribution;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.roundtable.devservers.PayaraBoot;

/**
 * Payara's output, passed on to the run command's own line by line, byte for byte, and watched for
 * the line that says Payara's kernel gave up at boot ({@link PayaraBoot}): a process that then
 * hangs instead of exiting.
 */
final class PayaraOutput implements Runnable {

  private final InputStream from;
  private final OutputStream to;
  private volatile boolean bootFailed;

  PayaraOutput(InputStream from, OutputStream to) {
    this.from = from;
    this.to = to;
  }

  /** Follows a process's output on a thread of its own until the process closes it. */
  static PayaraOutput follow(Process process, OutputStream to) {
    PayaraOutput output = new PayaraOutput(process.getInputStream(), to);
    Thread thread = new Thread(output, "payara-output");
    thread.setDaemon(true);
    thread.start();
    return output;
  }

  @Override
  public void run() {
    // Read as Latin-1, which maps every byte to one character and back: whatever Payara's own
    // encoding, the bytes pass through unchanged, and the line looked for is ASCII.
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(from, StandardCharsets.ISO_8859_1))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (PayaraBoot.failed(line)) {
          bootFailed = true;
        }
        synchronized (to) {
          to.write(line.getBytes(StandardCharsets.ISO_8859_1));
          to.write('\n');
          to.flush();
        }
      }
    } catch (IOException e) {
      // The process is gone, and its output with it.
    }
  }

  /** Whether Payara said its kernel gave up before deploying anything. */
  boolean bootFailed() {
    return bootFailed;
  }
}
