package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;
import org.roundtable.api.platform.AuditTrail;
import org.roundtable.api.web.DocumentType;
import org.roundtable.plugins.training.domain.Course;
import org.roundtable.plugins.training.domain.Material;

/**
 * A course's materials: organisers add them (PDF, Word or plain text, each checked to be what it
 * says, never anything a browser would run), with an easy-read version of any of them; everyone who
 * may book reads them.
 */
@ApplicationScoped
public class Materials {

  /** The largest file, in bytes. */
  public static final int LARGEST = 20 * 1024 * 1024;

  /** What a course's materials may be: documents, never anything a browser would run. */
  private static final Set<DocumentType> TYPES =
      Set.of(DocumentType.PDF, DocumentType.WORD, DocumentType.POWERPOINT, DocumentType.TEXT);

  @Inject EntityManager entityManager;
  @Inject TrainingAccess access;
  @Inject Courses courses;
  @Inject AuditTrail audit;
  @Inject Clock clock;

  /**
   * Adds a material to a course.
   *
   * @throws Refused for a type it does not take, bytes that are not that type, an empty or too
   *     large file, or an easy-read version of a material of another course
   */
  @Transactional
  public Material add(
      UUID courseId,
      String title,
      UUID easyReadOf,
      String fileName,
      String contentType,
      byte[] content) {
    UUID organiser = access.organiser();
    Course course = courses.course(courseId);
    String type = DocumentType.accepted(contentType, content, TYPES, "file", LARGEST).mediaType();
    if (easyReadOf != null) {
      Material original = entityManager.find(Material.class, easyReadOf);
      if (original == null || !original.courseId().equals(course.id())) {
        throw new Refused("easyReadOf", "choose a material of this course");
      }
    }
    Material material =
        new Material(
            UUID.randomUUID(),
            course.id(),
            title,
            easyReadOf,
            fileName,
            type,
            content,
            organiser,
            clock.instant());
    entityManager.persist(material);
    audit.record("training.material-added", "course", course.id().toString(), title);
    return material;
  }

  /** A course's materials, oldest first. */
  @Transactional
  public List<Material> of(UUID courseId) {
    return entityManager
        .createQuery(
            "SELECT m FROM TrainingMaterial m WHERE m.courseId = :c ORDER BY m.uploadedAt, m.id",
            Material.class)
        .setParameter("c", courses.course(courseId).id())
        .getResultList();
  }

  /** One material, with its bytes. */
  @Transactional
  public Material material(UUID courseId, UUID materialId) {
    Material material = entityManager.find(Material.class, materialId);
    if (material == null || !material.courseId().equals(courses.course(courseId).id())) {
      throw new NotFound("This material");
    }
    material.content();
    return material;
  }
}
