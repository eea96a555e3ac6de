package org.roundtable.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roundtable.core.request.RequestPath.Area;

class RequestPathTest {

  @Test
  void canonicalPathsLeadToTheirArea() {
    assertThat(area("/api/v1/kirklees/members")).contains(Area.TENANT_API);
    assertThat(RequestPath.judge("/api/v1/kirklees").orElseThrow().tenant()).contains("kirklees");
    assertThat(area("/api/v1/platform/tenants")).contains(Area.PLATFORM_API);
    assertThat(area("/kirklees/")).contains(Area.TENANT_PAGE);
    assertThat(area("/kirklees/people/3f1c0a9e-7d4b-4c2a-9a61-0c8d2b7e5f10"))
        .contains(Area.TENANT_PAGE);
    assertThat(area("/platform/tenants")).contains(Area.OPERATOR_PAGE);
    assertThat(area("/assets/roundtable.css")).contains(Area.ASSETS);
    assertThat(area("/kirklees/payments/claims/a%20b")).contains(Area.TENANT_PAGE);
    // The server's own endpoints, which Payara serves inside the application.
    assertThat(area("/health/ready")).contains(Area.SERVER);
    assertThat(area("/metrics")).contains(Area.SERVER);
    assertThat(area("/openapi")).contains(Area.SERVER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/platform;x/tenants", // matrix parameters, on any segment
        "/solihull;p/admin/branding",
        "/api/v1/kirklees/members;x=1",
        "/api;v/v1/kirklees",
        "//platform/tenants", // empty segments
        "/kirklees//people",
        "/kirklees/./people", // dot segments
        "/kirklees/../platform/tenants",
        "/kirklees/people/..",
        "/kirklees/%2e%2e/platform", // encoded dot, slash, semicolon, backslash, percent
        "/kirklees%2Fpeople",
        "/platform%3Bx/tenants",
        "/kirklees/%5cpeople",
        "/kirklees/%252e",
        "/kirklees/%00",
        "/%6Birklees/", // an encoded letter is another spelling
        "/Kirklees/", // another case
        "/SOLIHULL/people",
        "/API/v1/kirklees",
        "/api/V1/kirklees",
        "/Platform/tenants",
        "/solihull/PEOPLE", // every address is lower case, ids and codes too
        "/api/v1/solihull/payments/payees/ME",
        "/kirklees/people/3F1C0A9E-7D4B-4C2A-9A61-0C8D2B7E5F10",
        "/api/v1/Platform/tenants",
        "/kirklees\\people",
        "/", // no area
        "/admin/", // a reserved word is no council
        "/problem-error",
        "/application.wadl", // Jersey's own description of every route
        "/api/application.wadl",
        "/health;x/ready",
        "/api/v1",
        "/api/v2/kirklees",
        "kirklees/"
      })
  void pathsThatAreNotCanonicalOrLeadNowhereAreRefused(String path) {
    assertThat(RequestPath.judge(path)).isEmpty();
  }

  @Test
  void afterSigningInTheBrowserReturnsOnlyToACanonicalPageOfTheSameCouncil() {
    assertThat(RequestPath.isPageOf("", "kirklees", "/kirklees/boards/7")).isTrue();
    assertThat(RequestPath.isPageOf("", "kirklees", "/kirklees/")).isTrue();
    assertThat(RequestPath.isPageOf("", "kirklees", "/kirklees/payments/claims?status=DRAFT"))
        .isTrue();
    assertThat(RequestPath.isPageOf("", "platform", "/platform/tenants")).isTrue();

    assertThat(RequestPath.isPageOf("", "kirklees", null)).isFalse();
    assertThat(RequestPath.isPageOf("", "kirklees", "https://elsewhere.example/kirklees/"))
        .isFalse();
    assertThat(RequestPath.isPageOf("", "kirklees", "/solihull/")).isFalse();
    assertThat(RequestPath.isPageOf("", "kirklees", "/platform/tenants")).isFalse();
    assertThat(RequestPath.isPageOf("", "platform", "/kirklees/")).isFalse();
    assertThat(RequestPath.isPageOf("", "kirklees", "/kirklees//elsewhere.example")).isFalse();
    assertThat(RequestPath.isPageOf("", "kirklees", "/kirklees/../solihull/")).isFalse();
    assertThat(RequestPath.isPageOf("", "kirklees", "/kirklees;x/admin")).isFalse();
    assertThat(RequestPath.isPageOf("", "kirklees", "/kirklees/\\\\elsewhere")).isFalse();
    assertThat(RequestPath.isPageOf("", "kirklees", "/kirklees/\r\nSet-Cookie:x")).isFalse();
    assertThat(RequestPath.isPageOf("", "kirklees", "/kirklees/?a=\r\nSet-Cookie:x")).isFalse();
  }

  private static Optional<Area> area(String path) {
    return RequestPath.judge(path).map(RequestPath::area);
  }
}
