package org.roundtable.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

  @Test
  void aFieldIsReadAsTypedWithoutSurroundingSpaces() {
    MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
    form.add("name", "  Priya  ");

    assertThat(FormFields.text(form, "name")).isEqualTo("Priya");
    assertThat(FormFields.text(form, "missing")).isEmpty();
  }

  @Test
  void datesAreReadTheUkWay() {
    assertThat(FormFields.day("24/11/2026")).contains(LocalDate.of(2026, 11, 24));
    assertThat(FormFields.day(" 1/4/2027 ")).contains(LocalDate.of(2027, 4, 1));
    assertThat(FormFields.day("29/2/2028")).contains(LocalDate.of(2028, 2, 29));
    assertThat(FormFields.day("31/2/2027")).as("no such day").isEmpty();
    assertThat(FormFields.day("29/2/2027")).as("not a leap year").isEmpty();
    assertThat(FormFields.day("2026-11-24")).isEmpty();
    assertThat(FormFields.day("next Tuesday")).isEmpty();
    assertThat(FormFields.day("")).isEmpty();
    assertThat(FormFields.day(null)).isEmpty();
  }

  @Test
  void timesAreReadOnEitherClock() {
    assertThat(FormFields.time("14:00")).contains(LocalTime.of(14, 0));
    assertThat(FormFields.time(" 9:30 ")).contains(LocalTime.of(9, 30));
    assertThat(FormFields.time("9.30")).contains(LocalTime.of(9, 30));
    assertThat(FormFields.time("2pm")).contains(LocalTime.of(14, 0));
    assertThat(FormFields.time("2:30 PM")).contains(LocalTime.of(14, 30));
    assertThat(FormFields.time("10.15a.m.")).contains(LocalTime.of(10, 15));
    assertThat(FormFields.time("12am")).as("midnight").contains(LocalTime.MIDNIGHT);
    assertThat(FormFields.time("12pm")).as("midday").contains(LocalTime.NOON);
    assertThat(FormFields.time("14")).as("an hour alone could be either").isEmpty();
    assertThat(FormFields.time("13pm")).isEmpty();
    assertThat(FormFields.time("24:00")).isEmpty();
    assertThat(FormFields.time("9:75")).isEmpty();
    assertThat(FormFields.time("half nine")).isEmpty();
    assertThat(FormFields.time("")).isEmpty();
    assertThat(FormFields.time(null)).isEmpty();
  }

  @Test
  void wholeNumbersAreReadAsPeopleTypeThem() {
    assertThat(FormFields.wholeNumber(" 12 ")).contains(12);
    assertThat(FormFields.wholeNumber("1,200")).contains(1200);
    assertThat(FormFields.wholeNumber("twelve")).isEmpty();
    assertThat(FormFields.wholeNumber("1.5")).isEmpty();
    assertThat(FormFields.wholeNumber("99999999999")).isEmpty();
    assertThat(FormFields.wholeNumber("")).isEmpty();
  }
}
