package dev.yardstick.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.yardstick.auth.IngestTokenCheck;
import dev.yardstick.auth.Principal;
import dev.yardstick.claudecode.ClaudeCodeConfig;
import dev.yardstick.claudecode.ConfigGenerator;
import dev.yardstick.claudecode.ConfigRequest;
import dev.yardstick.claudecode.Identity;
import dev.yardstick.claudecode.Provider;
import dev.yardstick.model.ForbiddenException;
import dev.yardstick.model.Role;
import io.javalin.http.Context;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** POST /api/v1/claude-code/config, and the one place that checks who may generate what (the page uses it too). */
public final class ClaudeCodeConfigApi {
  private final IngestTokenCheck tokens;
  private final URI publicUrl;

  public ClaudeCodeConfigApi(IngestTokenCheck tokens, URI publicUrl) {
    this.tokens = tokens;
    this.publicUrl = publicUrl;
  }

  public void generate(Context ctx) {
    JsonNode body = ApiRequests.body(ctx);
    JsonNode vars = body.path("variables");
    ClaudeCodeConfig c = generate(ApiRequests.principal(ctx), f -> body.path(f).isTextual() ? body.path(f).asText() : null,
        v -> vars.path(v).isTextual() ? vars.path(v).asText() : null);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("userSettings", c.userSettings());
    out.put("managedSettings", c.managedSettings());
    out.put("shell", c.shell());
    out.put("headersHelper", c.headersHelper() == null ? null
        : Map.of("path", c.headersHelper().path(), "script", c.headersHelper().script()));
    out.put("notes", c.notes());
    ctx.json(out);
  }

  /**
   * The blocks for a caller: the token must be an active ingest token of their organization, and a non-admin may ask
   * for a service name only with their own email.
   *
   * @param field reads provider, token, identity and email
   * @param variable reads a provider variable by name (AWS_REGION, ...)
   */
  public ClaudeCodeConfig generate(Principal p, Function<String, String> field, Function<String, String> variable) {
    Provider provider = Provider.parse(field.apply("provider"));
    Identity identity = Identity.parse(field.apply("identity"));
    String token = field.apply("token") == null ? "" : field.apply("token").trim();
    if (token.isEmpty()) {
      throw new IllegalArgumentException("\"token\" is required: an active ingest token tk_<id>:sk_<secret>");
    }
    String email = field.apply("email");
    if (identity == Identity.SERVICE_NAME && p.role() != Role.ADMIN && email != null && !email.isBlank()
        && !email.trim().toLowerCase(Locale.ROOT).equals(p.email() == null ? null : p.email().toLowerCase(Locale.ROOT))) {
      throw new ForbiddenException("you may generate a service name only for your own email");
    }
    tokens.requireActive(p.orgId(), token);
    Map<String, String> values = new HashMap<>();
    for (Provider.Variable v : provider.variables()) {
      String value = variable.apply(v.name());
      if (value != null) {
        values.put(v.name(), value);
      }
    }
    return ConfigGenerator.generate(new ConfigRequest(provider, publicUrl, token, identity, email, values));
  }
}
