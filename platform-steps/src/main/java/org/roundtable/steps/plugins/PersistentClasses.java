package org.roundtable.steps.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The classes of a plugin JAR that JPA manages — entities, embeddables, mapped superclasses and
 * converters — found by reading the class files' annotations, without loading a class. The assembly
 * lists them in the persistence unit, so the persistence provider reads these few classes at start
 * instead of every class in the JAR, its shaded libraries included (ADR 0036); the testkit checks
 * the entities among them.
 */
public final class PersistentClasses {

  private static final String ENTITY = "Ljakarta/persistence/Entity;";

  private static final Set<String> MARKS =
      Set.of(
          ENTITY,
          "Ljakarta/persistence/Embeddable;",
          "Ljakarta/persistence/MappedSuperclass;",
          "Ljakarta/persistence/Converter;");

  private PersistentClasses() {}

  /**
   * @return the persistent classes' names, sorted (the assembled WAR's bytes must not depend on the
   *     order of a JAR's entries)
   * @throws PluginProblem naming the JAR and the class when a class file cannot be read
   */
  public static List<String> in(Path jar) throws IOException {
    return scan(jar).stream().map(Found::name).toList();
  }

  /**
   * @return the names of the JAR's entities, sorted
   * @throws PluginProblem naming the JAR and the class when a class file cannot be read
   */
  public static List<String> entitiesIn(Path jar) throws IOException {
    return scan(jar).stream().filter(Found::entity).map(Found::name).toList();
  }

  private record Found(String name, boolean entity) {}

  private static List<Found> scan(Path jar) throws IOException {
    List<Found> found = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String name = entry.getName();
        // Versioned copies under META-INF/versions are the same classes for newer JVMs.
        if (!name.endsWith(".class")
            || name.startsWith("META-INF/")
            || name.endsWith("module-info.class")) {
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          Marks marks = new Marks();
          new ClassReader(in)
              .accept(
                  marks, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
          if (marks.persistent) {
            found.add(new Found(marks.name.replace('/', '.'), marks.entity));
          }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
          throw new PluginProblem(
              jar.getFileName()
                  + " holds a class file that cannot be read: "
                  + name
                  + " ("
                  + e
                  + ")",
              e);
        }
      }
    }
    found.sort(Comparator.comparing(Found::name));
    return found;
  }

  /** Records the class's name and whether one of its own annotations makes it persistent. */
  private static final class Marks extends ClassVisitor {

    private String name;
    private boolean persistent;
    private boolean entity;

    Marks() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(
        int version,
        int access,
        String name,
        String signature,
        String superName,
        String[] interfaces) {
      this.name = name;
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      persistent |= MARKS.contains(descriptor);
      entity |= ENTITY.equals(descriptor);
      return null;
    }
  }
}
