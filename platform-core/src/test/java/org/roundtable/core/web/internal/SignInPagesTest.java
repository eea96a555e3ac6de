package org.roundtable.core.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInPagesTest {

  @Test
  void afterSigningInTheBrowserReturnsOnlyToAPageOfTheSameCouncil() {
    assertThat(SignInPages.isPageOf("/kirklees/", "/kirklees/boards/7")).isTrue();
    assertThat(SignInPages.isPageOf("/kirklees/", "/kirklees/")).isTrue();

    assertThat(SignInPages.isPageOf("/kirklees/", null)).isFalse();
    assertThat(SignInPages.isPageOf("/kirklees/", "https://elsewhere.example/kirklees/")).isFalse();
    assertThat(SignInPages.isPageOf("/kirklees/", "/solihull/")).isFalse();
    assertThat(SignInPages.isPageOf("/kirklees/", "/kirklees//elsewhere.example")).isFalse();
    assertThat(SignInPages.isPageOf("/kirklees/", "/kirklees/../solihull/")).isFalse();
    assertThat(SignInPages.isPageOf("/kirklees/", "/kirklees/\\\\elsewhere")).isFalse();
    assertThat(SignInPages.isPageOf("/kirklees/", "/kirklees/\r\nSet-Cookie:x")).isFalse();
  }
}
