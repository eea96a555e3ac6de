package org.roundtable.core.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.Session;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.persistence.TenantOwned;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.identity.Caller;
import org.roundtable.core.identity.CurrentCaller;
import org.roundtable.core.member.Member;
import org.roundtable.core.member.MemberDetails;
import org.roundtable.core.onboarding.TenantOnboarding;
import org.roundtable.core.onboarding.file.TenantFileReconciler;
import org.roundtable.core.onboarding.file.TenantFileReport;
import org.roundtable.core.onboarding.file.TenantFileReport.Outcome;
import org.roundtable.core.onboarding.file.TenantFiles;
import org.roundtable.core.onboarding.file.TenantFilesAtStartup;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.request.ProblemType;
import org.roundtable.core.tenancy.Tenant;
import org.roundtable.core.tenancy.TenantRecord;
import org.roundtable.core.tenancy.TenantRegistry;
import org.roundtable.core.testing.TestDeployments;

/**
 * Inside the running server, against the real database (one in-container deployment for the run:
 * the Arquillian adapter boots a Payara per class). Each isolation lock proven on its own:
 * row-level security with the application's filter bypassed (native SQL), EclipseLink's tenant
 * filter with row-level security switched off, and a regression test for each way the database lock
 * silently fails on this stack (non-exclusive connections, the shared cache, a session-wide
 * setting). And tenants as code: files create and seed, then the database is the truth.
 */
@ExtendWith(ArquillianExtension.class)
class TenantIsolationIT {

  private static final TenantRef KIRKLEES = new TenantRef("kirklees");
  private static final TenantRef SOLIHULL = new TenantRef("solihull");

  @Deployment
  static WebArchive deployment() {
    return TestDeployments.platformForInContainerTests(TenantIsolationIT.class);
  }

  @Inject TenantTransactions transactions;
  @Inject EntityManager entityManager;
  @Inject TenantFileReconciler reconciler;
  @Inject TenantFilesAtStartup startup;
  @Inject TenantRegistry registry;
  @Inject TenantOnboarding onboarding;
  @Inject CurrentCaller currentCaller;

  @Test
  void rowLevelSecurityHidesAnotherTenantsRowsFromNativeSql() {
    UUID kirklees = addMember(KIRKLEES, "Beve Smith");
    UUID solihull = addMember(SOLIHULL, "Kemyn Whervin");

    List<UUID> seenByKirklees = in(KIRKLEES, this::memberIdsByNativeSql);

    assertThat(seenByKirklees).contains(kirklees).doesNotContain(solihull);
  }

  @Test
  void applicationLockAloneHidesAnotherTenantsRowsWhenRowLevelSecurityIsOff() throws SQLException {
    UUID kirklees = addMember(KIRKLEES, "Dulcie Leach");
    UUID solihull = addMember(SOLIHULL, "A Solihull carer");
    ownerSql("ALTER TABLE member DISABLE ROW LEVEL SECURITY");
    try {
      // Proof that the database lock is really off: native SQL now sees both tenants.
      assertThat(in(KIRKLEES, this::memberIdsByNativeSql)).contains(kirklees, solihull);

      long kirkleesRows =
          in(
              KIRKLEES,
              () ->
                  entityManager
                      .createQuery("SELECT count(m) FROM Member m", Long.class)
                      .getSingleResult());
      List<UUID> byQuery =
          in(
              KIRKLEES,
              () ->
                  entityManager
                      .createQuery("SELECT m.id FROM Member m", UUID.class)
                      .getResultList());
      Member found = in(KIRKLEES, () -> entityManager.find(Member.class, solihull));
      int updated =
          in(
              KIRKLEES,
              () ->
                  entityManager
                      .createQuery("UPDATE Member m SET m.accessNotes = 'touched by kirklees'")
                      .executeUpdate());

      assertThat(byQuery).contains(kirklees).doesNotContain(solihull);
      assertThat(found).isNull();
      assertThat((long) updated).isEqualTo(kirkleesRows);
      assertThat(ownerQuery("SELECT access_notes FROM member WHERE id = '" + solihull + "'"))
          .as("Solihull's row is untouched by Kirklees' bulk update")
          .isNull();
    } finally {
      ownerSql("ALTER TABLE member ENABLE ROW LEVEL SECURITY");
    }
  }

  @Test
  void transactionWithoutTenantSeesNothing() {
    addMember(KIRKLEES, "Someone in Kirklees");
    addMember(SOLIHULL, "Someone in Solihull");

    long rows =
        transactions.withoutTenant(
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery("SELECT count(*) FROM member")
                            .getSingleResult())
                    .longValue());

    List<?> byQuery;
    try {
      byQuery =
          transactions.withoutTenant(
              () -> entityManager.createQuery("SELECT m FROM Member m").getResultList());
    } catch (RuntimeException refused) {
      byQuery = List.of(); // EclipseLink refuses a tenant-owned query without a tenant
    }

    assertThat(rows).isZero();
    assertThat(byQuery).isEmpty();
  }

  @Test
  void readsBeforeTheFirstWriteOfATransactionSeeTheTenantsRows() {
    addMember(KIRKLEES, "Alex Chaplin");
    long expected = in(KIRKLEES, () -> (long) memberIdsByNativeSql().size());

    long[] counts =
        in(
            KIRKLEES,
            () -> {
              long before = memberIdsByNativeSql().size();
              entityManager.persist(
                  new Member(
                      UUID.randomUUID(), details("Tamsin Macdonald"), java.time.Instant.now()));
              entityManager.flush();
              long after = memberIdsByNativeSql().size();
              return new long[] {before, after};
            });

    // Without exclusive connections the first read would go to another connection, without the
    // tenant setting, and see nothing.
    assertThat(expected).isPositive();
    assertThat(counts[0]).isEqualTo(expected);
    assertThat(counts[1]).isEqualTo(expected + 1);
  }

  @Test
  void cacheNeverServesOneTenantsRowToAnother() {
    UUID solihull = addMember(SOLIHULL, "Cached in Solihull");
    Member loadedBySolihull = in(SOLIHULL, () -> entityManager.find(Member.class, solihull));

    Member seenByKirklees = in(KIRKLEES, () -> entityManager.find(Member.class, solihull));

    assertThat(loadedBySolihull).isNotNull();
    assertThat(seenByKirklees).isNull();
  }

  @Test
  void tenantSettingDoesNotLeakToTheNextTransactionOnAPooledConnection() {
    addMember(KIRKLEES, "Leak check");
    for (int i = 0; i < 20; i++) {
      in(KIRKLEES, this::memberIdsByNativeSql);

      Object setting =
          transactions.withoutTenant(
              () ->
                  entityManager
                      .createNativeQuery(
                          "SELECT coalesce(current_setting('app.tenant_id', true), '')")
                      .getSingleResult());
      long rows = transactions.withoutTenant(() -> (long) memberIdsByNativeSql().size());

      assertThat(setting).isEqualTo("");
      assertThat(rows).isZero();
    }
  }

  @Test
  void insertCarryingAnotherTenantsIdIsRejectedByTheDatabase() {
    assertThatThrownBy(
            () ->
                in(
                    KIRKLEES,
                    () ->
                        entityManager
                            .createNativeQuery(
                                "INSERT INTO member (tenant_id, id, full_name, created_at,"
                                    + " updated_at, version) VALUES ('solihull', ?1, 'Intruder',"
                                    + " now(), now(), 1)")
                            .setParameter(1, UUID.randomUUID())
                            .executeUpdate()))
        .hasStackTraceContaining("row-level security");
  }

  @Test
  void applicationRoleCannotBypassRowLevelSecurityAndOwnsNothing() {
    Object[] role =
        in(
            KIRKLEES,
            () ->
                (Object[])
                    entityManager
                        .createNativeQuery(
                            "SELECT rolname, rolsuper, rolbypassrls FROM pg_roles"
                                + " WHERE rolname = current_user")
                        .getSingleResult());
    long owned =
        in(
            KIRKLEES,
            () ->
                ((Number)
                        entityManager
                            .createNativeQuery(
                                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON"
                                    + " n.oid = c.relnamespace WHERE n.nspname = 'public'"
                                    + " AND c.relowner = (SELECT oid FROM pg_roles WHERE"
                                    + " rolname = current_user)")
                            .getSingleResult())
                    .longValue());

    assertThat(role[0]).isEqualTo("roundtable_app");
    assertThat(role[1]).isEqualTo(false);
    assertThat(role[2]).isEqualTo(false);
    assertThat(owned).isZero();
  }

  @Test
  void everyTenantOwnedTableHasForcedRowLevelSecurityAndEveryTenantOwnedEntityIsFiltered() {
    @SuppressWarnings("unchecked")
    List<Object[]> tables =
        in(
            KIRKLEES,
            () ->
                entityManager
                    .createNativeQuery(
                        "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,"
                            + " (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid)"
                            + " FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid"
                            + " WHERE a.attname = 'tenant_id' AND c.relkind = 'r'"
                            + " AND c.relnamespace = 'public'::regnamespace"
                            // Not owned by a council, only naming one: host names, and what is
                            // due where (ADR 0024, whose columns MigrationIT holds to).
                            + " AND c.relname NOT IN ('platform_tenant_hostname',"
                            + " 'platform_due_work')")
                    .getResultList());
    Session session = entityManager.unwrap(Session.class);
    List<ClassDescriptor> tenantOwned =
        session.getDescriptors().values().stream()
            .filter(d -> d.getJavaClass().isAnnotationPresent(TenantOwned.class))
            .toList();

    assertThat(tables).isNotEmpty();
    for (Object[] table : tables) {
      assertThat(table[1]).as("RLS enabled on %s", table[0]).isEqualTo(true);
      assertThat(table[2]).as("RLS forced on %s", table[0]).isEqualTo(true);
      assertThat(((Number) table[3]).longValue()).as("policy on %s", table[0]).isPositive();
    }
    Set<String> tableNames =
        Set.copyOf(tables.stream().map(t -> ((String) t[0]).toUpperCase()).toList());
    assertThat(tenantOwned).isNotEmpty();
    for (ClassDescriptor descriptor : tenantOwned) {
      assertThat(descriptor.hasMultitenantPolicy()).as(descriptor.getAlias()).isTrue();
      assertThat(descriptor.getCachePolicy().isIsolated()).as(descriptor.getAlias()).isTrue();
      assertThat(tableNames).contains(descriptor.getTableName().toUpperCase());
    }
  }

  private UUID addMember(TenantRef tenant, String name) {
    return in(
        tenant,
        () -> {
          Member member = new Member(UUID.randomUUID(), details(name), java.time.Instant.now());
          entityManager.persist(member);
          return member.id();
        });
  }

  @SuppressWarnings("unchecked")
  private List<UUID> memberIdsByNativeSql() {
    return ((List<Object>) entityManager.createNativeQuery("SELECT id FROM member").getResultList())
        .stream().map(id -> UUID.fromString(id.toString())).toList();
  }

  private <T> T in(TenantRef tenant, Supplier<T> work) {
    return transactions.inTenant(tenant, work);
  }

  private static MemberDetails details(String name) {
    return new MemberDetails(
        name, null, null, null, null, Set.of(), Set.of(), Set.of(), null, Set.of(), false);
  }

  private static void ownerSql(String sql) throws SQLException {
    try (Connection owner = owner();
        Statement statement = owner.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String ownerQuery(String sql) throws SQLException {
    try (Connection owner = owner();
        Statement statement = owner.createStatement();
        var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** The migration role, which owns the tables (only it can switch row-level security off). */
  private static Connection owner() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("roundtable.test.db.url"),
        System.getProperty("roundtable.test.db.owner-user"),
        System.getProperty("roundtable.test.db.owner-password"));
  }

  // Tenants as code: files create and seed; the database is the truth.

  @Test
  void startUpCreatedTheRepositorysTenantsWithTheirPlugins() {
    assertThat(registry.findActive("kirklees")).isPresent();
    assertThat(registry.findActive("solihull")).isPresent();
    assertThat(startup.report().entries())
        .extracting(TenantFileReport.Entry::slug)
        .contains("kirklees", "solihull");
  }

  @Test
  void editedFileIsReportedButNeverOverwritesWhatAnAdministratorChanged() throws IOException {
    String slug = "testshire-" + UUID.randomUUID().toString().substring(0, 8);
    Path file = tenantFile(slug, "Testshire Council");
    Path dir = file.getParent().getParent();

    TenantFileReport created = reconciler.reconcile(TenantFiles.readAll(dir), Set.of());
    assertThat(created.entry(slug).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(created.entry("kirklees").outcome())
        .as("a tenant with no file is reported and kept")
        .isEqualTo(Outcome.NO_FILE);
    assertThat(registry.findActive("kirklees")).isPresent();
    assertThat(pluginEnabled(slug)).isFalse();

    // An administrator renames the council in the database.
    transactions.inTenant(
        new TenantRef(slug),
        () -> {
          entityManager.find(TenantRecord.class, slug).rename("Testshire CC", Instant.now());
          return null;
        });
    // A restart with the file unchanged keeps the administrator's change.
    assertThat(reconciler.reconcile(TenantFiles.readAll(dir), Set.of()).entry(slug).outcome())
        .isEqualTo(Outcome.UNCHANGED);
    assertThat(registry.find(slug).orElseThrow().displayName()).isEqualTo("Testshire CC");

    // The file is edited: reported with its differences, not applied.
    Files.writeString(file, tenantYaml(slug, "Testshire County Council", "true"));
    TenantFileReport edited = reconciler.reconcile(TenantFiles.readAll(dir), Set.of());
    assertThat(edited.entry(slug).outcome()).isEqualTo(Outcome.CHANGED_NOT_APPLIED);
    assertThat(edited.entry(slug).differences())
        .contains(
            new TenantFileReport.Difference(
                "displayName", "Testshire County Council", "Testshire CC"));
    assertThat(edited.entry(slug).differences())
        .extracting(TenantFileReport.Difference::field)
        .contains("plugins.partnership-boards");
    assertThat(registry.find(slug).orElseThrow().displayName()).isEqualTo("Testshire CC");
    assertThat(pluginEnabled(slug)).isFalse();

    // Only when the operator asks is the file applied.
    TenantFileReport applied = reconciler.reconcile(TenantFiles.readAll(dir), Set.of(slug));
    assertThat(applied.entry(slug).outcome()).isEqualTo(Outcome.APPLIED);
    assertThat(registry.find(slug).orElseThrow().displayName())
        .isEqualTo("Testshire County Council");
    assertThat(pluginEnabled(slug)).isTrue();
    assertThat(reconciler.reconcile(TenantFiles.readAll(dir), Set.of()).entry(slug).outcome())
        .isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void aChangeMadeOnThisPodIsSeenHereTheMomentItCommits() throws Exception {
    String slug = "readshire-" + UUID.randomUUID().toString().substring(0, 8);
    reconciler.reconcile(
        TenantFiles.readAll(tenantFile(slug, "Readshire Council").getParent().getParent()),
        Set.of());
    ExecutorService anotherRequest = Executors.newSingleThreadExecutor();
    try {
      transactions.inTenant(
          new TenantRef(slug),
          () -> {
            entityManager
                .find(TenantRecord.class, slug)
                .rename("Readshire Borough Council", Instant.now());
            // Written as any writer does, with nothing said to the caches.
            entityManager.flush();
            // A request on another thread reads the council before the rename commits: it sees
            // the old name, and this pod keeps it until the commit drops it.
            assertThat(join(anotherRequest.submit(() -> registry.find(slug).orElseThrow())))
                .extracting(Tenant::displayName)
                .isEqualTo("Readshire Council");
            return null;
          });
    } finally {
      anotherRequest.shutdown();
    }
    // Right after the commit, before PostgreSQL's notification need have come back to this pod.
    assertThat(registry.find(slug).orElseThrow().displayName())
        .isEqualTo("Readshire Borough Council");
  }

  private static <T> T join(Future<T> future) {
    try {
      return future.get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyStatementOfTheApplicationHasATimeLimit() {
    // Set by the datasource: a statement or a lock wait past its limit is cut off (503), never
    // left to hang a request.
    assertThat(in(KIRKLEES, () -> show("statement_timeout"))).isEqualTo("4s");
    assertThat(in(KIRKLEES, () -> show("lock_timeout"))).isEqualTo("3s");
  }

  private String show(String setting) {
    return (String) entityManager.createNativeQuery("SHOW " + setting).getSingleResult();
  }

  @Test
  void onlyAnOperatorChangesTheRegistryWhateverRouteReachedTheService() {
    TenantOnboarding.NewTenant request =
        new TenantOnboarding.NewTenant(
            "mallory-town",
            "Mallory Town",
            Optional.empty(),
            List.of(),
            "mallory@example.org",
            "Mallory",
            "Attacker");

    // Nobody signed in, then a council's administrator: both refused before anything changes.
    for (Optional<Caller> caller :
        List.of(
            Optional.<Caller>empty(),
            Optional.of(
                new Caller(SOLIHULL, "someone", "A council admin", Set.of("tenant-admin"))))) {
      caller.ifPresent(currentCaller::set);
      assertThatThrownBy(() -> onboarding.create(request))
          .isInstanceOf(Forbidden.class)
          .satisfies(
              e -> assertThat(ProblemType.of((Forbidden) e)).isEqualTo(ProblemType.FORBIDDEN));
      assertThatThrownBy(() -> onboarding.changeStatus("kirklees", Tenant.Status.SUSPENDED))
          .isInstanceOf(Forbidden.class);
      assertThatThrownBy(() -> onboarding.rotateWebClientSecret("kirklees"))
          .isInstanceOf(Forbidden.class);
    }
    assertThat(registry.find("mallory-town")).isEmpty();
    assertThat(registry.find("kirklees").orElseThrow().isActive()).isTrue();
  }

  private boolean pluginEnabled(String slug) {
    return transactions.inTenant(
        new TenantRef(slug),
        () ->
            entityManager
                .createQuery(
                    "SELECT p.enabled FROM PluginActivation p WHERE p.pluginId = :id",
                    Boolean.class)
                .setParameter("id", "partnership-boards")
                .getSingleResult());
  }

  /** A council's file (boards off) alone in a folder of tenant files of its own. */
  private static Path tenantFile(String slug, String name) throws IOException {
    Path file = Files.createTempDirectory("tenants").resolve(slug).resolve("tenant.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, tenantYaml(slug, name, "false"));
    return file;
  }

  private static String tenantYaml(String slug, String name, String boardsOn) {
    return "slug: "
        + slug
        + "\ndisplayName: "
        + name
        + "\nidentity:\n  realm: "
        + slug
        + "\nplugins:\n  partnership-boards:\n    enabled: "
        + boardsOn
        + "\n";
  }
}
