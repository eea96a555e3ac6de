package org.roundtable.core.tenancy.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The tenant files of a folder: {@code <dir>/<slug>/tenant.yaml}, one per tenant. */
public final class TenantFiles {

  public static final String FILE_NAME = "tenant.yaml";

  private TenantFiles() {}

  /** Reads and checks every tenant file; the first bad one stops it, naming file and line. */
  public static List<TenantFile> readAll(Path directory) {
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
