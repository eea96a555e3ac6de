package org.roundtable.plugins.training.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.platform.CurrentMember;
import org.roundtable.plugins.training.TrainingPlugin;

/** Who the caller is to the plugin's services, checked again below the endpoints. */
@ApplicationScoped
public class TrainingAccess {

  @Inject CurrentMember currentMember;

  /** The signed-in person. */
  public UUID me() {
    return currentMember.signedInId().orElseThrow(() -> new Forbidden("Sign in first"));
  }

  /**
   * A course organiser (or anyone who manages courses).
   *
   * @throws Forbidden for anyone else
   */
  public UUID organiser() {
    return withPermission(TrainingPlugin.MANAGE, "Setting up courses");
  }

  /** Whether the caller manages courses. */
  public boolean organises() {
    return !currentMember.isGuestOnly() && currentMember.hasPermission(TrainingPlugin.MANAGE);
  }

  /** Whether the caller may act on someone else's booking. */
  public boolean booksForOthers() {
    return !currentMember.isGuestOnly()
        && currentMember.hasPermission(TrainingPlugin.BOOK_FOR_OTHERS);
  }

  /** Whether the caller facilitates (takes registers). */
  public boolean facilitates() {
    return !currentMember.isGuestOnly() && currentMember.hasPermission(TrainingPlugin.FACILITATE);
  }

  private UUID withPermission(String permission, String what) {
    if (currentMember.isGuestOnly() || !currentMember.hasPermission(permission)) {
      throw new Forbidden(what + " needs " + permission);
    }
    return me();
  }
}
