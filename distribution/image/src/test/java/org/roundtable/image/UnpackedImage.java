package org.roundtable.image;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The image tarball Jib built, unpacked the way a container runtime does it ({@code umoci unpack},
 * an OCI runtime bundle), and run with bubblewrap: the image's root read-only, a fresh {@code
 * /tmp}, the image's user (uid 1000), its environment and working directory, on the host's network
 * (only loopback is used). The image's configuration is read from the OCI blobs themselves.
 */
final class UnpackedImage {

  private final Path rootfs;
  private final JsonObject config;

  private UnpackedImage(Path rootfs, JsonObject config) {
    this.rootfs = rootfs;
    this.config = config;
  }

  /** Whether this machine can run the image: umoci and bubblewrap on the PATH. */
  static String missingTools() {
    List<String> missing = new ArrayList<>();
    for (String tool : List.of("umoci", "bwrap")) {
      if (!onPath(tool)) {
        missing.add(tool);
      }
    }
    return String.join(", ", missing);
  }

  static UnpackedImage unpack(Path tarball, Path work) throws IOException, InterruptedException {
    Path layout = work.resolve("oci");
    Path bundle = work.resolve("bundle");
    deleteRecursively(work);
    Files.createDirectories(layout);
    run(List.of("tar", "-xf", tarball.toString(), "-C", layout.toString()));
    JsonObject index = json(layout.resolve("index.json"));
    JsonObject manifestRef = index.getJsonArray("manifests").getJsonObject(0);
    String reference =
        manifestRef.getJsonObject("annotations").getString("org.opencontainers.image.ref.name");
    JsonObject manifest = json(blob(layout, manifestRef.getString("digest")));
    JsonObject config = json(blob(layout, manifest.getJsonObject("config").getString("digest")));
    run(
        List.of(
            "umoci",
            "unpack",
            "--rootless",
            "--image",
            layout + ":" + reference,
            bundle.toString()));
    return new UnpackedImage(bundle.resolve("rootfs"), config);
  }

  /** The image configuration's {@code config} object (user, entrypoint, labels, ...). */
  JsonObject config() {
    return config.getJsonObject("config");
  }

  Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    config()
        .getJsonObject("Labels")
        .forEach((k, v) -> labels.put(k, ((jakarta.json.JsonString) v).getString()));
    return labels;
  }

  List<String> entrypointAndArgs() {
    List<String> command = new ArrayList<>();
    config()
        .getJsonArray("Entrypoint")
        .forEach(v -> command.add(((jakarta.json.JsonString) v).getString()));
    config()
        .getJsonArray("Cmd")
        .forEach(v -> command.add(((jakarta.json.JsonString) v).getString()));
    return command;
  }

  Path rootfs() {
    return rootfs;
  }

  /**
   * Starts a command inside the image as the image's user, with the image's environment plus {@code
   * env}; output goes to {@code log}.
   */
  Process start(List<String> command, Map<String, String> env, Path log) throws IOException {
    return start(command, env, List.of(), log);
  }

  /** A host folder mounted into the container, as a Kubernetes volume would be. */
  record Mount(Path host, String container, boolean readOnly) {}

  /** As {@link #start(List, Map, Path)}, with volumes mounted. */
  Process start(List<String> command, Map<String, String> env, List<Mount> mounts, Path log)
      throws IOException {
    String[] user = config().getString("User").split(":");
    List<String> bwrap =
        new ArrayList<>(
            List.of(
                "bwrap",
                "--ro-bind",
                rootfs.toString(),
                "/",
                "--proc",
                "/proc",
                "--dev",
                "/dev",
                "--tmpfs",
                "/tmp",
                "--tmpfs",
                "/var",
                "--unshare-user",
                "--uid",
                user[0],
                "--gid",
                user[1],
                "--unshare-pid",
                "--unshare-ipc",
                "--unshare-uts",
                "--hostname",
                "localhost",
                "--die-with-parent",
                "--clearenv",
                "--chdir",
                config().getString("WorkingDir")));
    for (Mount mount : mounts) {
      bwrap.addAll(
          List.of(
              mount.readOnly() ? "--ro-bind" : "--bind",
              mount.host().toString(),
              mount.container()));
    }
    Map<String, String> environment = new LinkedHashMap<>();
    config()
        .getJsonArray("Env")
        .forEach(
            v -> {
              String pair = ((jakarta.json.JsonString) v).getString();
              int eq = pair.indexOf('=');
              environment.put(pair.substring(0, eq), pair.substring(eq + 1));
            });
    environment.putAll(env);
    environment.forEach(
        (k, v) -> {
          bwrap.add("--setenv");
          bwrap.add(k);
          bwrap.add(v);
        });
    bwrap.add("--");
    bwrap.addAll(command);
    return new ProcessBuilder(bwrap)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
        .start();
  }

  private static Path blob(Path layout, String digest) {
    return layout.resolve("blobs").resolve(digest.replace(':', '/'));
  }

  private static JsonObject json(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        JsonReader reader = Json.createReader(in)) {
      return reader.readObject();
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var walk = Files.walk(path)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
