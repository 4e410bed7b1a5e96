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

  /** 409 for a conflict (an overlap, a name taken), else 400. */
  public static int status(IllegalArgumentException e) {
    return e instanceof dev.yardstick.model.ConflictException ? 409 : 400;
  }
}
