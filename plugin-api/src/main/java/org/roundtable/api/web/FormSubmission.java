package org.roundtable.api.web;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.roundtable.api.errors.Conflict;
import org.roundtable.api.errors.Forbidden;
import org.roundtable.api.errors.Refused;

/**
 * A submitted form handled the one way every page handles it: read and check the fields, act, and
 * go on; or, when the checks or the action refuse it ({@link Refused}, and {@link Conflict} or
 * {@link Forbidden} where the page names a field for them), show the same page again with the error
 * summary, each message beside its field, and what was typed kept. Anything else (not found, a
 * service unavailable, a fault) goes to the platform's error pages.
 *
 * <pre>{@code
 * return FormSubmission.of(models::put)
 *     .keeping(Map.of("miles", milesText))
 *     .field("mileage", "miles")           // the API's name for a field the form calls "miles"
 *     .otherwiseOn("kind")                 // where a conflict's message is shown
 *     .submit(errors -> {
 *           Integer miles = FormFields.wholeNumber(milesText)  // .orElse(null); errors.add(...) for what is wrong
 *           errors.refuseIfAny();
 *           claims.addExpense(...);
 *           return Redirect.to(...);
 *         },
 *         () -> show(claim));
 * }</pre>
 *
 * @since 1.7.0
 */
public final class FormSubmission {

  private final BiConsumer<String, Object> model;
  private final Map<String, String> formNames = new HashMap<>();
  private Map<String, ?> typed = Map.of();
  private String otherwise;

  private FormSubmission(BiConsumer<String, Object> model) {
    this.model = model;
  }

  /**
   * What a form's action does: checks what was typed (adding to the errors and calling {@link
   * FormErrors#refuseIfAny()}), acts, and says where to go next.
   *
   * @since 1.7.0
   */
  @FunctionalInterface
  public interface Action {
    /**
     * @param errors where to add what is wrong with the fields
     * @return the view or redirect to go to when it succeeds
     * @since 1.7.0
     */
    String run(FormErrors errors);
  }

  /**
   * @param model puts a value in the page's model: {@code models::put} for {@code
   *     jakarta.mvc.Models}
   * @return a submission whose errors go to the model as {@code errors}
   * @since 1.7.0
   */
  public static FormSubmission of(BiConsumer<String, Object> model) {
    return new FormSubmission(model);
  }

  /**
   * @param values what was typed, to show again in the form (as {@code form} in the model)
   * @return this
   * @since 1.7.0
   */
  public FormSubmission keeping(Map<String, ?> values) {
    this.typed = values;
    return this;
  }

  /**
   * Shows a refusal of {@code refused} (as the domain names the field) beside the form's field
   * {@code onForm}.
   *
   * @param refused the field's name in the refusal
   * @param onForm the form field's id
   * @return this
   * @since 1.7.0
   */
  public FormSubmission field(String refused, String onForm) {
    formNames.put(refused, onForm);
    return this;
  }

  /**
   * @param field the form field a conflict's or a domain refusal's message is shown beside (the
   *     first, usually); without one they go to the error pages
   * @return this
   * @since 1.7.0
   */
  public FormSubmission otherwiseOn(String field) {
    this.otherwise = field;
    return this;
  }

  /**
   * Runs the action; when refused, puts the errors and what was typed in the model and returns the
   * page again.
   *
   * @param action checks, acts, and says where to go
   * @param page renders the form's page again (with the model filled)
   * @return where to go, or the page again
   * @since 1.7.0
   */
  public String submit(Action action, Supplier<String> page) {
    FormErrors errors = new FormErrors();
    try {
      return action.run(errors);
    } catch (Refused refused) {
      for (FormErrors.FieldError error : refused.errors()) {
        errors.add(formNames.getOrDefault(error.field(), error.field()), error.message());
      }
    } catch (Conflict | Forbidden refusal) {
      if (otherwise == null) {
        throw refusal;
      }
      errors.add(otherwise, refusal.getMessage());
    }
    model.accept("errors", errors);
    model.accept("form", typed);
    return page.get();
  }
}
