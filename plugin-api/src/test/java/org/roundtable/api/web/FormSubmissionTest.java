package org.roundtable.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.NotFound;
import org.roundtable.api.errors.Refused;

class FormSubmissionTest {

  private final Map<String, Object> model = new HashMap<>();

  @Test
  void anAcceptedFormGoesOnAndLeavesTheModelAlone() {
    String next =
        FormSubmission.of(model::put)
            .submit(errors -> "redirect:/kirklees/boards", () -> "boards/board.html");

    assertThat(next).isEqualTo("redirect:/kirklees/boards");
    assertThat(model).isEmpty();
  }

  @Test
  void fieldsFoundWrongShowThePageAgainWithEveryErrorAndWhatWasTyped() {
    String next =
        FormSubmission.of(model::put)
            .keeping(Map.of("miles", "twelve"))
            .submit(
                errors -> {
                  errors.add("miles", "Enter the miles driven, like 12");
                  errors.add("description", "Describe the expense");
                  errors.refuseIfAny();
                  throw new AssertionError("the action went on after refusing");
                },
                () -> "payments/claim.html");

    assertThat(next).isEqualTo("payments/claim.html");
    FormErrors errors = (FormErrors) model.get("errors");
    assertThat(errors.all())
        .extracting(FormErrors.FieldError::field)
        .containsExactly("miles", "description");
    assertThat(model.get("form")).isEqualTo(Map.of("miles", "twelve"));
  }

  @Test
  void aRefusalFromTheDomainIsShownBesideTheFormsOwnField() {
    FormSubmission.of(model::put)
        .field("mileage", "miles")
        .submit(
            errors -> {
              throw new Refused("mileage", "Give the miles driven there and back, 1 to 2000");
            },
            () -> "payments/claim.html");

    FormErrors errors = (FormErrors) model.get("errors");
    assertThat(errors.message("miles")).contains("Give the miles driven there and back, 1 to 2000");
  }

  @Test
  void aConflictIsShownBesideTheFieldNamedForIt() {
    FormSubmission.of(model::put)
        .otherwiseOn("method")
        .submit(
            errors -> {
              throw new Conflict("This claim has been paid and cannot change");
            },
            () -> "payments/claim.html");

    assertThat(((FormErrors) model.get("errors")).message("method"))
        .contains("This claim has been paid and cannot change");
  }

  @Test
  void aDomainRefusalOfTheActionIsShownBesideTheFieldNamedForIt() {
    FormSubmission.of(model::put)
        .otherwiseOn("decision")
        .submit(
            errors -> {
              throw new Forbidden("Nobody decides on their own claim: ask another approver");
            },
            () -> "payments/approvals.html");

    assertThat(((FormErrors) model.get("errors")).message("decision"))
        .contains("Nobody decides on their own claim: ask another approver");
  }

  @Test
  void whatAFormCannotShowGoesToTheErrorPages() {
    FormSubmission submission = FormSubmission.of(model::put);

    assertThatThrownBy(
            () ->
                submission.submit(
                    errors -> {
                      throw new NotFound("Board");
                    },
                    () -> "boards/board.html"))
        .isInstanceOf(NotFound.class)
        .hasMessage("Board was not found");
    assertThatThrownBy(
            () ->
                submission.submit(
                    errors -> {
                      throw new Conflict("No field to show this beside");
                    },
                    () -> "boards/board.html"))
        .isInstanceOf(Conflict.class);
    assertThat(model).isEmpty();
  }

  @Test
  void aRefusalOfOneFieldSaysSoInItsMessage() {
    assertThat(new Refused("amount", "Enter an amount, like £4.50"))
        .hasMessage("Enter an amount, like £4.50");
    FormErrors two = new FormErrors().add("a", "one").add("b", "two");
    assertThat(new Refused(two).errors()).hasSize(2);
    assertThatCode(() -> new FormErrors().refuseIfAny()).doesNotThrowAnyException();
  }
}
