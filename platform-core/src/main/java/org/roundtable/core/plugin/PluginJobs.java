package org.roundtable.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.jobs.ScheduledJob;
import org.roundtable.api.tenancy.TenantRef;
import org.roundtable.core.persistence.Attempts;
import org.roundtable.core.persistence.DueWork;
import org.roundtable.core.persistence.DueWorkFamily;
import org.roundtable.core.persistence.DueWorkTable;
import org.roundtable.core.persistence.TenantTransactions;
import org.roundtable.core.tenancy.Tenant;

/**
 * Plugins' scheduled jobs ({@link ScheduledJob}) on the due-work table: each job is a kind of due
 * work of its own in each council that has its plugin on ({@code job:plugin:name}), claimed with a
 * lease so one pod runs it; after a run it is due at its schedule's next time, or sooner after a
 * failure (one minute, then twice as long each time, never later than the next scheduled time).
 * Switching a plugin on marks {@code jobs} due in the council (a trigger, whoever switched it), and
 * that schedules the plugin's jobs there; a job whose plugin is off when it comes due is dropped.
 */
@ApplicationScoped
public class PluginJobs implements DueWorkFamily {

  /** The due-work kind that schedules a council's jobs. */
  public static final String SCHEDULING = "jobs";

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,49}");
  private static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  private static final Duration LONGEST_RETRY = Duration.ofHours(1);

  @Inject Instance<ScheduledJob> installed;
  @Inject PluginCatalog catalog;
  @Inject PluginActivations activations;
  @Inject DueWorkTable due;
  @Inject TenantTransactions transactions;
  @Inject JobInvocation invocation;
  @Inject EntityManager entityManager;
  @Inject Clock clock;

  private final String pod = podName();
  private volatile Map<String, ScheduledJob> checked;

  /** A job as operators see it in one council. */
  public record Status(
      String job,
      String schedule,
      boolean pluginOn,
      Optional<Instant> nextDueAt,
      Optional<JobRecord> runs) {}

  /**
   * At each start: a job of an unknown plugin, with a name outside the pattern or named twice stops
   * the deployment; then every council's jobs are scheduled (those already due keep their time).
   */
  void onStart(@Observes @Initialized(ApplicationScoped.class) Object application) {
    jobs();
    due.markDueEverywhere(SCHEDULING);
  }

  /** The installed jobs by their full name ({@code plugin:name}). */
  Map<String, ScheduledJob> jobs() {
    Map<String, ScheduledJob> known = checked;
    if (known != null) {
      return known;
    }
    Map<String, ScheduledJob> byName = new LinkedHashMap<>();
    for (ScheduledJob job : installed) {
      String type = job.getClass().getName().replaceAll("\\$Proxy.*$", "");
      if (catalog.find(job.pluginId()).isEmpty()) {
        throw new IllegalStateException(
            "The job " + type + " belongs to the plugin '" + job.pluginId() + "', not installed");
      }
      if (!NAME.matcher(job.name()).matches()) {
        throw new IllegalStateException(
            "The job "
                + type
                + " is named '"
                + job.name()
                + "': use lower-case letters, digits and hyphens, starting with a letter");
      }
      String name = job.pluginId() + ":" + job.name();
      if (byName.putIfAbsent(name, job) != null) {
        throw new IllegalStateException("Two jobs are named " + name + ", one is " + type);
      }
    }
    checked = java.util.Collections.unmodifiableMap(byName);
    return byName;
  }

  @Override
  public Optional<DueWork> work(String kind) {
    if (kind.equals(SCHEDULING)) {
      return Optional.of(new Scheduling());
    }
    if (!kind.startsWith(DueWorkTable.JOB)) {
      return Optional.empty();
    }
    String name = kind.substring(DueWorkTable.JOB.length());
    return Optional.ofNullable(jobs().get(name)).map(job -> new Run(name, job));
  }

  /** The council's jobs as operators see them: each installed job, whether its plugin is on. */
  public List<Status> status(TenantRef tenant) {
    return transactions.inTenant(
        tenant,
        () -> {
          List<Status> all = new ArrayList<>();
          jobs()
              .forEach(
                  (name, job) ->
                      all.add(
                          new Status(
                              name,
                              job.schedule().toString(),
                              activations.isEnabled(job.pluginId()),
                              due.dueAt(DueWorkTable.JOB + name),
                              Optional.ofNullable(entityManager.find(JobRecord.class, name)))));
          return all;
        });
  }

  /**
   * Has a job run now in the council (an operator asks), on whichever pod claims it first.
   *
   * @throws NotFound for a job not installed, or whose plugin the council has off
   */
  public void runNow(TenantRef tenant, String name) {
    ScheduledJob job =
        Optional.ofNullable(jobs().get(name)).orElseThrow(() -> new NotFound("The job " + name));
    transactions.inTenant(
        tenant,
        () -> {
          if (!activations.isEnabled(job.pluginId())) {
            throw new NotFound("The job " + name);
          }
          due.markDue(DueWorkTable.JOB + name, Duration.ZERO);
          return null;
        });
  }

  /** Schedules the council's jobs of the plugins it has on; each once, at its next time. */
  private final class Scheduling implements DueWork {

    @Override
    public String kind() {
      return SCHEDULING;
    }

    @Override
    public int runDue(Tenant tenant) {
      return transactions.inTenant(
          tenant.ref(),
          () -> {
            int scheduled = 0;
            Instant now = clock.instant();
            for (Map.Entry<String, ScheduledJob> job : jobs().entrySet()) {
              if (activations.isEnabled(job.getValue().pluginId())) {
                due.scheduleIfAbsent(
                    DueWorkTable.JOB + job.getKey(), job.getValue().schedule().next(now));
                scheduled++;
              }
            }
            return scheduled;
          });
    }

    @Override
    public Optional<Duration> nextDue(Tenant tenant) {
      return Optional.empty();
    }
  }

  /** One claimed run of a job in a council. */
  private final class Run implements DueWork {

    private final String name;
    private final ScheduledJob job;
    private JobInvocation.Result result;

    Run(String name, ScheduledJob job) {
      this.name = name;
      this.job = job;
    }

    @Override
    public String kind() {
      return DueWorkTable.JOB + name;
    }

    @Override
    public int runDue(Tenant tenant) {
      result = invocation.run(job, name, tenant, pod);
      return result.outcome() == JobInvocation.Outcome.OFF ? 0 : 1;
    }

    @Override
    public Optional<Duration> nextDue(Tenant tenant) {
      if (result == null || result.outcome() == JobInvocation.Outcome.OFF) {
        return Optional.empty();
      }
      Instant now = clock.instant();
      Duration scheduled = Duration.between(now, job.schedule().next(now));
      if (result.outcome() == JobInvocation.Outcome.SUCCEEDED) {
        return Optional.of(scheduled);
      }
      Duration retry = Attempts.waitAfter(result.failures(), FIRST_RETRY, LONGEST_RETRY);
      return Optional.of(retry.compareTo(scheduled) < 0 ? retry : scheduled);
    }
  }

  private static String podName() {
    String name = System.getenv("HOSTNAME");
    if (name == null || name.isBlank()) {
      try {
        name = InetAddress.getLocalHost().getHostName();
      } catch (UnknownHostException e) {
        name = "unknown";
      }
    }
    return name + " (pid " + ProcessHandle.current().pid() + ")";
  }
}
