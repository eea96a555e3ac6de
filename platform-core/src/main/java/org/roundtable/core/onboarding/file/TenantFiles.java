package org.roundtable.core.onboarding.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.roundtable.core.tenancy.TenantFileException;

/** The tenant files of a folder: {@code <dir>/<slug>/tenant.yaml}, one per tenant. */
public final class TenantFiles {

  public static final String FILE_NAME = "tenant.yaml";

  private TenantFiles() {}

  /**
   * Reads and checks every tenant file; the first bad one stops it, naming file and line. Two files
   * naming the same realm are refused, naming both.
   */
  public static List<TenantFile> readAll(Path directory) {
    List<TenantFile> files = parseAll(directory);
    Map<String, TenantFile> byRealm = new HashMap<>();
    for (TenantFile file : files) {
      TenantFile other = byRealm.putIfAbsent(file.realm(), file);
      if (other != null) {
        throw new TenantFileException(
            file.source(),
            0,
            "realm '"
                + file.realm()
                + "' is already the realm of "
                + other.source()
                + ": each council signs in through a realm of its own");
      }
    }
    return files;
  }

  private static List<TenantFile> parseAll(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new TenantFileException(directory, 0, "is not a folder of tenant definitions");
    }
    try (Stream<Path> folders = Files.list(directory)) {
      return folders
          .filter(Files::isDirectory)
          .map(folder -> folder.resolve(FILE_NAME))
          .filter(Files::isRegularFile)
          .sorted()
          .map(TenantFileParser::parse)
          .toList();
    } catch (IOException e) {
      throw new TenantFileException(directory, 0, "cannot be listed (" + e.getMessage() + ")");
    }
  }
}
