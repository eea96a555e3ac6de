package org.roundtable.steps.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The core's changelogs as a WAR holds them ({@code WEB-INF/classes/db/}), copied into a folder a
 * class loader can read: Liquibase finds changelogs on a class path, and a WAR's classes are not
 * one. Used where the core is present only as its WAR: the assembly and a plugin's own tests.
 */
public final class WarChangelogs {

  private static final String PREFIX = "WEB-INF/classes/";

  private WarChangelogs() {}

  /** Copies the WAR's {@code db/} resources into {@code folder}, which then holds {@code db/}. */
  public static void copyOut(Path war, Path folder) throws IOException {
    try (ZipFile file = new ZipFile(war.toFile())) {
      Enumeration<? extends ZipEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory() || !entry.getName().startsWith(PREFIX + "db/")) {
          continue;
        }
        Path target = folder.resolve(entry.getName().substring(PREFIX.length())).normalize();
        if (!target.startsWith(folder)) {
          throw new IOException("Unexpected entry in the core WAR: " + entry.getName());
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
