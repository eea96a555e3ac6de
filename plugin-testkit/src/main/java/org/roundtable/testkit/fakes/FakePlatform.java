package org.roundtable.testkit.fakes;

import java.time.Instant;

/**
 * The platform's services in memory, wired to one tenant context and one clock: construct a
 * plugin's domain or application classes with these in a unit test.
 *
 * <pre>{@code
 * FakePlatform platform = new FakePlatform().in("kirklees");
 * UUID carer = platform.members().add("Chris Carer", "chris@example.org");
 * Claims claims = new Claims(platform.participation(), platform.settings(), platform.clock());
 * }</pre>
 */
public final class FakePlatform {

  private final FakeTenantContext tenants = new FakeTenantContext();
  private final FakeClock clock = new FakeClock(Instant.parse("2026-04-06T09:00:00Z"));
  private final FakeMembers members = new FakeMembers(tenants);
  private final FakeParticipationRecords participation =
      new FakeParticipationRecords(tenants, clock);
  private final FakeSettings settings = new FakeSettings(tenants, clock);
  private final FakeAuditTrail audit = new FakeAuditTrail(tenants);
  private final FakeCurrentMember currentMember = new FakeCurrentMember();
  private final FakeMail mail = new FakeMail();

  /** Binds a council for what follows. */
  public FakePlatform in(String slug) {
    tenants.bind(slug);
    return this;
  }

  public FakeTenantContext tenants() {
    return tenants;
  }

  public FakeClock clock() {
    return clock;
  }

  public FakeMembers members() {
    return members;
  }

  public FakeParticipationRecords participation() {
    return participation;
  }

  public FakeSettings settings() {
    return settings;
  }

  public FakeAuditTrail audit() {
    return audit;
  }

  public FakeCurrentMember currentMember() {
    return currentMember;
  }

  public FakeMail mail() {
    return mail;
  }
}
