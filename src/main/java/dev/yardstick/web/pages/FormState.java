package dev.yardstick.web.pages;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;

/**
 * What one form of a page was sent with and why it was refused, so the page shows it again as typed with the
 * error beside it; {@link #NONE} when nothing was refused. {@code form} names which form of the page it was.
 */
public record FormState(String form, Map<String, String> values, String error) {
  public static final FormState NONE = new FormState("", Map.of(), null);

  /** The refused form's fields (the CSRF token left out) and the refusal. */
  public static FormState refused(Context ctx, String form, String error) {
    Map<String, String> values = new HashMap<>();
    ctx.formParamMap().forEach((k, v) -> {
      if (!k.equals("csrf") && !v.isEmpty()) {
        values.put(k, v.getFirst());
      }
    });
    return new FormState(form, values, error);
  }

  /** The value typed into {@code field} of {@code which} form when it was refused, else {@code fallback}. */
  public String value(String which, String field, String fallback) {
    return form.equals(which) ? values.getOrDefault(field, "") : fallback;
  }

  /** The refusal of {@code which} form, or null. */
  public String errorOf(String which) {
    return form.equals(which) ? error : null;
  }

  /**
   * Runs a form's change: a 303 to the page it names when it succeeds (a reload never posts twice); when the service
   * refuses, {@code page} renders again (400, or 409 for a clash) with this form as typed and the refusal beside it.
   */
  public static void submit(Context ctx, String form, java.util.function.Supplier<String> change, java.util.function.Consumer<FormState> page) {
    String then;
    try {
      then = change.get();
    } catch (IllegalArgumentException e) {
      ctx.status(status(e));
      page.accept(refused(ctx, form, e.getMessage()));
      return;
    }
    ctx.redirect(then, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /** 409 for a conflict (an overlap, a name taken), else 400. */
  public static int status(IllegalArgumentException e) {
    return e instanceof dev.yardstick.model.ConflictException ? 409 : 400;
  }
}
