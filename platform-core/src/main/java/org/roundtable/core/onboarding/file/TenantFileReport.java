package org.roundtable.core.onboarding.file;

import java.util.List;

/**
 * What reconciling the tenant files found, per tenant.
 *
 * @param entries one entry per tenant file, and one per tenant that has no file
 */
public record TenantFileReport(List<Entry> entries) {

  public TenantFileReport {
    entries = List.copyOf(entries);
  }

  /** What happened to one tenant. */
  public enum Outcome {
    /** A new file: the tenant was created from it. */
    CREATED,
    /** The file has not changed since it was applied: nothing to do. */
    UNCHANGED,
    /** The file changed since it was applied; its differences are reported, not applied. */
    CHANGED_NOT_APPLIED,
    /** The file changed and the operator asked for it to be applied. */
    APPLIED,
    /** The tenant is in the database but has no file; it is kept. */
    NO_FILE
  }

  /**
   * @param slug the tenant
   * @param outcome what happened
   * @param differences how the file differs from the database (for changed files)
   */
  public record Entry(String slug, Outcome outcome, List<Difference> differences) {
    public Entry {
      differences = List.copyOf(differences);
    }
  }

  /**
   * One value the file and the database disagree on.
   *
   * @param field the value ({@code displayName}, {@code plugins.partnership-boards})
   * @param inFile what the file says
   * @param inDatabase what the database holds (the truth until the file is applied)
   */
  public record Difference(String field, String inFile, String inDatabase) {}

  public Entry entry(String slug) {
    return entries.stream().filter(e -> e.slug().equals(slug)).findFirst().orElseThrow();
  }
}
