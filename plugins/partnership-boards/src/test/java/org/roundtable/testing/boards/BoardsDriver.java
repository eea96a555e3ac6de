package org.roundtable.testing.boards;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.roundtable.testkit.ApiClient;

/**
 * Drives the boards plugin's API as an officer, for the boards tests and for tests of plugins that
 * build on boards (payments pays for attendance): people, boards, seats, meetings and attendance,
 * each step asserting it worked. Published in the boards plugin's test JAR.
 */
public final class BoardsDriver {

  private final ApiClient officer;
  private final String api;

  /**
   * @param officer a client signed in as someone who manages boards
   * @param tenant the tenant's slug
   */
  public BoardsDriver(ApiClient officer, String tenant) {
    this.officer = officer;
    this.api = "/api/v1/" + tenant;
  }

  /** A new member of the council (no sign-in); returns their id. */
  public String newMember(String name, String email) {
    ApiClient.Result result =
        officer.post(
            api + "/members",
            "{\"fullName\":\""
                + name
                + "\""
                + (email == null ? "" : ",\"email\":\"" + email + "\"")
                + "}");
    assertThat(result.status()).as(result.body()).isEqualTo(201);
    return result.json().getString("id");
  }

  /** A new board; returns its id. */
  public String board(String name) {
    ApiClient.Result created =
        officer.post(
            api + "/boards/boards",
            "{\"name\":\""
                + name
                + "\",\"termsOfReference\":\"We shape carers' support together.\","
                + "\"codeOfConduct\":\"Respect, plain words.\"}");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().getString("id");
  }

  /** Seats a member on a board from 1 January 2026. */
  public void seat(String board, String memberId, String role, boolean livedExperience) {
    ApiClient.Result seated =
        officer.post(
            api + "/boards/boards/" + board + "/members",
            "{\"memberId\":\""
                + memberId
                + "\",\"role\":\""
                + role
                + "\",\"livedExperience\":"
                + livedExperience
                + ",\"termStart\":\"2026-01-01\"}");
    assertThat(seated.status()).as(seated.body()).isEqualTo(201);
  }

  /** Schedules a meeting at the council house; returns its id. */
  public String meeting(String board, Instant start) {
    ApiClient.Result scheduled =
        officer.post(
            api + "/boards/boards/" + board + "/meetings",
            "{\"title\":\"Meeting\",\"startsAt\":\"" + start + "\",\"venue\":\"Council House\"}");
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    return scheduled.json().getString("id");
  }

  /** Records how a member attended; returns the meeting as the API answers. */
  public JsonObject attend(String meeting, String memberId, String status) {
    ApiClient.Result result =
        officer.put(
            api + "/boards/meetings/" + meeting + "/attendance/" + memberId,
            "{\"status\":\"" + status + "\"}");
    assertThat(result.status()).as(result.body()).isEqualTo(200);
    return result.json();
  }
}
