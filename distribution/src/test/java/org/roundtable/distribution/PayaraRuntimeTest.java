package org.roundtable.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run command's kept Payara runtime: each start begins from it as unpacked, and a
 * class-data-sharing archive written from a start's class list is one a JVM can map with Payara's
 * class path.
 */
class PayaraRuntimeTest {

  private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

  @TempDir Path payaraDir;

  @Test
  void eachStartBeginsFromTheRuntimeAsUnpacked() throws Exception {
    Files.createDirectories(payaraDir.resolve("root/applications/old"));
    Files.createDirectories(payaraDir.resolve("runtime-0123456789ab"));

    PayaraRuntime runtime = PayaraRuntime.prepare(payaraJar(), payaraDir, JAVA, "test");

    // The folder earlier launchers unpacked at every start, and another Payara's runtime, are gone.
    assertThat(payaraDir.resolve("root")).doesNotExist();
    assertThat(payaraDir.resolve("runtime-0123456789ab")).doesNotExist();
    assertThat(runtime.launcher()).isRegularFile();
    Path root = runtime.launcher().getParent();
    String pristine = Files.readString(root.resolve("config/domain.xml"));
    Files.createDirectories(root.resolve("applications/roundtable/WEB-INF"));
    Files.writeString(root.resolve("config/domain.xml"), "<domain><applications/></domain>");

    runtime.reset();

    assertThat(root.resolve("applications")).doesNotExist();
    assertThat(Files.readString(root.resolve("config/domain.xml"))).isEqualTo(pristine);
    assertThat(PayaraRuntime.prepare(payaraJar(), payaraDir, JAVA, "test").launcher())
        .isEqualTo(runtime.launcher());
  }

  @Test
  void aStartListsItsClassesAndLaterStartsMapTheArchiveWrittenFromTheList() throws Exception {
    PayaraRuntime runtime = PayaraRuntime.prepare(payaraJar(), payaraDir, JAVA, "test");
    List<String> listing = runtime.sharingOptions(List.of("-Xmx512m"));
    assertThat(listing).singleElement().asString().startsWith("-XX:DumpLoadedClassList=");
    assertThat(runtime.sharing(List.of())).isFalse();
    Path classList = Path.of(listing.get(0).substring("-XX:DumpLoadedClassList=".length()));
    // What a start of Payara lists, in small: JDK classes and one of Payara's launcher.
    Files.writeString(
        classList,
        String.join(
            "\n", "java/lang/Object", "java/util/ArrayList", "fish/payara/micro/PayaraMicro", ""));

    Process dump = runtime.archiveInBackground(List.of()).orElseThrow();
    assertThat(dump.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(dump.exitValue()).isZero();
    // The archive is kept once the JVM that wrote it has exited.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!runtime.sharing(List.of()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    assertThat(runtime.sharing(List.of())).isTrue();
    assertThat(classList).as("the list, once archived").doesNotExist();
    List<String> mapping = runtime.sharingOptions(List.of());
    assertThat(mapping).first().asString().startsWith("-XX:SharedArchiveFile=");
    assertThat(runtime.archiveInBackground(List.of())).isEmpty();
    // -Xshare:on refuses to start when the archive cannot be mapped with this class path.
    Process mapped =
        new ProcessBuilder(
                JAVA,
                "-Xshare:on",
                mapping.get(0),
                "-cp",
                runtime.launcher().toString(),
                "-version")
            .redirectErrorStream(true)
            .start();
    String output = new String(mapped.getInputStream().readAllBytes());
    assertThat(mapped.waitFor()).as(output).isZero();
    assertThat(output).contains("sharing");
  }

  @Test
  void anArchiveThatCannotBeWrittenIsNotTriedAgainAtEveryStart() throws Exception {
    PayaraRuntime runtime = PayaraRuntime.prepare(payaraJar(), payaraDir, JAVA, "test");
    Path folder = runtime.launcher().getParent().getParent();
    Files.writeString(folder.resolve("classes.lst"), "java/lang/Object\n");
    // Where the JVM would write the archive, a folder: it cannot.
    Files.createDirectories(folder.resolve("classes-test.jsa.part/in-the-way"));

    Process dump = runtime.archiveInBackground(List.of()).orElseThrow();
    assertThat(dump.waitFor(120, TimeUnit.SECONDS)).isTrue();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(folder.resolve("classes-test.failed")) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    assertThat(dump.exitValue()).isNotZero();
    assertThat(runtime.sharing(List.of())).isFalse();
    assertThat(runtime.sharingOptions(List.of())).isEmpty();
    assertThat(runtime.archiveInBackground(List.of())).isEmpty();
  }

  @Test
  void theOperatorsOwnSharingOptionsWin() throws Exception {
    PayaraRuntime runtime = PayaraRuntime.prepare(payaraJar(), payaraDir, JAVA, "test");

    assertThat(runtime.sharingOptions(List.of("-Xshare:off"))).isEmpty();
    assertThat(runtime.sharingOptions(List.of("-XX:SharedArchiveFile=/elsewhere.jsa"))).isEmpty();
    assertThat(runtime.archiveInBackground(List.of("-Xshare:off"))).isEmpty();
  }

  private static Path payaraJar() throws Exception {
    return Path.of(
        fish.payara.micro.PayaraMicro.class
            .getProtectionDomain()
            .getCodeSource()
            .getLocation()
            .toURI());
  }
}
