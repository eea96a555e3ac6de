package org.roundtable.distribution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.roundtable.steps.files.Folders;

/**
 * Payara Micro's runtime for the run command, unpacked once into the data folder and kept (Payara's
 * own {@code --outputlauncher}), with a class-data-sharing archive of the classes Payara loads from
 * it: the first start lists the classes it loads, a JVM of its own then writes the archive from the
 * list in the background, and every later start maps it instead of loading and verifying those
 * classes again (ADR 0037). Each start begins from the runtime as it was unpacked: no earlier
 * deployment, configuration or log is left in it.
 */
final class PayaraRuntime {

  private static final String PRISTINE_CONFIG = "config.pristine";

  private final Path folder;
  private final String javaCommand;
  private final Path root;
  private final Path classList;
  private final Path archive;
  private final Path archiveInProgress;
  private final Path archiveFailed;

  private PayaraRuntime(Path folder, String javaCommand, String java) {
    this.folder = folder;
    this.javaCommand = javaCommand;
    this.root = folder.resolve("root");
    this.classList = folder.resolve("classes.lst");
    this.archive = folder.resolve("classes-" + java + ".jsa");
    this.archiveInProgress = folder.resolve("classes-" + java + ".jsa.part");
    this.archiveFailed = folder.resolve("classes-" + java + ".failed");
  }

  /**
   * The runtime of {@code payaraJar} under {@code payaraDir}, unpacked on first use; runtimes of
   * other Payara versions, and the folder earlier launchers unpacked at every start, are removed.
   *
   * @param javaCommand the JVM that runs Payara
   * @param java that JVM's build as a file name part (an archive holds to one JVM build)
   */
  static PayaraRuntime prepare(Path payaraJar, Path payaraDir, String javaCommand, String java)
      throws StartException {
    try {
      Path folder = payaraDir.resolve("runtime-" + fingerprint(payaraJar));
      // The folder earlier launchers unpacked at every start, and other Payara versions' runtimes.
      removeOthers(payaraDir, name -> name.equals("root") || name.startsWith("runtime-"), folder);
      PayaraRuntime runtime = new PayaraRuntime(folder, javaCommand, java);
      if (!Files.isRegularFile(runtime.launcher())
          || !Files.isDirectory(folder.resolve(PRISTINE_CONFIG))) {
        runtime.unpack(payaraJar);
      }
      Files.deleteIfExists(runtime.archiveInProgress);
      // Archives of other JVM builds (a JDK updated since) are of no use to this one.
      removeOthers(
          folder, name -> name.startsWith("classes-"), runtime.archive, runtime.archiveFailed);
      return runtime;
    } catch (IOException e) {
      throw new StartException("Cannot prepare Payara Micro's runtime: " + e.getMessage());
    }
  }

  /** Removes the entries of {@code dir} whose names match, but for those to keep. */
  private static void removeOthers(Path dir, Predicate<String> matching, Path... keep)
      throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> kept = List.of(keep);
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.toList()) {
        if (matching.test(entry.getFileName().toString()) && !kept.contains(entry)) {
          Folders.delete(entry);
        }
      }
    }
  }

  /** The JAR that starts Payara from its folder ({@code --rootdir} is implied). */
  Path launcher() {
    return root.resolve("launch-micro.jar");
  }

  /**
   * Clears what a previous start left (its deployment, which Payara would deploy again before the
   * new WAR and which could answer {@code /health/ready} first; its configuration and logs).
   */
  void reset() throws IOException {
    for (String left : List.of("applications", "autodeploy", "generated", "logs", "config")) {
      Folders.delete(root.resolve(left));
    }
    Folders.copy(folder.resolve(PRISTINE_CONFIG), root.resolve("config"));
  }

  /**
   * The JVM options for class data sharing: map the archive when there is one, else list the
   * classes this start loads. None when the operator's options already decide sharing.
   */
  List<String> sharingOptions(List<String> javaOptions) {
    if (decidedBy(javaOptions) || Files.exists(archiveFailed)) {
      return List.of();
    }
    if (Files.isRegularFile(archive)) {
      // An archive the JVM cannot use (another build of it) is left unused, not reported.
      return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=error");
    }
    return List.of("-XX:DumpLoadedClassList=" + classList);
  }

  /** Whether a start maps the archive. */
  boolean sharing(List<String> javaOptions) {
    return !decidedBy(javaOptions) && Files.isRegularFile(archive);
  }

  /**
   * After a start that listed its classes: writes the archive from the list in a JVM of its own
   * ({@code -Xshare:dump}), which holds no application and so cannot disturb the one serving.
   *
   * @return the archiving process, or empty when there is nothing to archive
   */
  Optional<Process> archiveInBackground(List<String> javaOptions) throws IOException {
    if (decidedBy(javaOptions)
        || Files.isRegularFile(archive)
        || Files.exists(archiveFailed)
        || !Files.isRegularFile(classList)) {
      return Optional.empty();
    }
    // Payara keeps appending to its list while it serves: archive what it has loaded so far.
    Path snapshot = folder.resolve("classes.lst.snapshot");
    Files.copy(classList, snapshot, StandardCopyOption.REPLACE_EXISTING);
    Process dump =
        new ProcessBuilder(
                javaCommand,
                "-Xshare:dump",
                "-XX:SharedClassListFile=" + snapshot,
                "-XX:SharedArchiveFile=" + archiveInProgress,
                "-Xlog:cds=error",
                "-cp",
                launcher().toString())
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("archive.log").toFile())
            .start();
    dump.onExit()
        .thenAccept(
            done -> {
              try {
                if (done.exitValue() == 0 && Files.isRegularFile(archiveInProgress)) {
                  // The lists (4 MB) are not needed once there is an archive; a start without one
                  // lists its classes again.
                  Files.deleteIfExists(snapshot);
                  Files.deleteIfExists(classList);
                  Files.move(archiveInProgress, archive, StandardCopyOption.ATOMIC_MOVE);
                  System.out.println(
                      "Wrote the class-data-sharing archive: the next start is quicker.");
                } else {
                  // Not tried again at every start: deleting the runtime folder tries again.
                  Files.writeString(
                      archiveFailed, "See archive.log; delete this folder to try again.\n");
                  System.err.println(
                      "Could not write the class-data-sharing archive (see "
                          + folder.resolve("archive.log")
                          + "): starts go on without one.");
                  Files.deleteIfExists(archiveInProgress);
                }
              } catch (IOException e) {
                System.err.println("Could not keep the class-data-sharing archive: " + e);
              }
            });
    return Optional.of(dump);
  }

  private static boolean decidedBy(List<String> javaOptions) {
    return javaOptions.stream()
        .anyMatch(
            option ->
                option.startsWith("-Xshare")
                    || option.contains("SharedArchiveFile")
                    || option.contains("ArchiveClassesAtExit")
                    || option.contains("DumpLoadedClassList"));
  }

  private void unpack(Path payaraJar) throws IOException, StartException {
    Folders.delete(folder);
    Files.createDirectories(folder);
    Process unpack =
        new ProcessBuilder(
                javaCommand,
                "-jar",
                payaraJar.toString(),
                "--rootdir",
                root.toString(),
                "--outputlauncher")
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("unpack.log").toFile())
            .start();
    try {
      if (unpack.waitFor() != 0 || !Files.isRegularFile(launcher())) {
        throw new StartException(
            "Payara Micro could not unpack its runtime: see " + folder.resolve("unpack.log"));
      }
    } catch (InterruptedException e) {
      unpack.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new StartException("Interrupted while Payara Micro unpacked its runtime");
    }
    Folders.copy(root.resolve("config"), folder.resolve(PRISTINE_CONFIG));
  }

  /** What the JAR holds (its entries' names and checksums), not when it was copied. */
  private static String fingerprint(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (ZipEntry entry : zip.stream().toList()) {
        digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
        digest.update(Long.toString(entry.getCrc()).getBytes(StandardCharsets.US_ASCII));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
