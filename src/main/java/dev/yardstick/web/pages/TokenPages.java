package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;
import dev.yardstick.model.NotFoundException;
import dev.yardstick.tokens.IngestTokens;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * The token sections: organization tokens on Integrations > Claude Code (admin) and a developer's personal tokens
 * on their profile. A post from htmx is answered with the section; without JavaScript with a 303 back to the page,
 * whose section then shows what the post made once (from {@link TokenFlash}).
 */
public final class TokenPages {
  private static final String ORG_BASE = "/integrations/claude-code/tokens";
  private final IngestTokens tokens;
  private final TokenFlash flash = new TokenFlash();

  public TokenPages(IngestTokens tokens) {
    this.tokens = tokens;
  }

  public void orgSection(Context ctx) {
    Pages.fragment(ctx, "tokens/section.jte", Map.of("s", orgView(ctx, null)));
  }

  /** The organization section as HTML, for a page that embeds it without htmx. */
  public String orgSectionHtml(Context ctx) {
    return Pages.toString("tokens/section.jte", Map.of("s", orgView(ctx, null)));
  }

  /** The developer's section as HTML for their profile, or empty when the viewer may not manage their tokens (a manager). */
  public String personalSectionHtml(Context ctx) {
    try {
      return Pages.toString("tokens/section.jte", Map.of("s", personalView(ctx, owner(ctx), null)));
    } catch (dev.yardstick.model.ForbiddenException notTheirs) {
      return "";
    }
  }

  public void orgCreate(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    answer(ctx, null, () -> {
      IngestTokens.Created c = tokens.create(p.orgId(), null, name(ctx));
      return new TokenFlash.Flash(c.id(), c.name(), c.token(), null, null, null);
    });
  }

  public void orgRotate(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    answer(ctx, null, () -> {
      IngestTokens.Rotated r = tokens.rotate(p.orgId(), null, ctx.pathParam("id"), grace(ctx));
      return new TokenFlash.Flash(r.token().id(), r.token().name(), r.token().token(), TokenSection.when(r.oldStopsAt()), null, null);
    });
  }

  public void orgRevoke(Context ctx) {
    revoke(ctx, null);
  }

  public void personalSection(Context ctx) {
    Pages.fragment(ctx, "tokens/section.jte", Map.of("s", personalView(ctx, owner(ctx), null)));
  }

  public void personalCreate(Context ctx) {
    long dev = owner(ctx);
    answer(ctx, dev, () -> {
      IngestTokens.Created c = tokens.create(ApiRequests.principal(ctx).orgId(), dev, name(ctx));
      return new TokenFlash.Flash(c.id(), c.name(), c.token(), null, null, null);
    });
  }

  public void personalRevoke(Context ctx) {
    revoke(ctx, owner(ctx));
  }

  private void revoke(Context ctx, Long dev) {
    String id = ctx.pathParam(dev == null ? "id" : "tokenId");
    answer(ctx, dev, () -> {
      if (!"yes".equals(ctx.formParam("confirm"))) {
        return new TokenFlash.Flash(null, null, null, null, id, null); // the confirmation step
      }
      tokens.revoke(ApiRequests.principal(ctx).orgId(), dev, id);
      return null;
    });
  }

  private interface Change {
    TokenFlash.Flash run();
  }

  /** Runs a change; a refusal is shown in the section, as is what the change made. */
  private void answer(Context ctx, Long dev, Change change) {
    TokenFlash.Flash f;
    try {
      f = change.run();
    } catch (IllegalArgumentException | NotFoundException e) { // a ConflictException is one too
      f = new TokenFlash.Flash(null, null, null, null, null, e.getMessage());
    }
    if ("true".equals(ctx.header("HX-Request"))) {
      Pages.fragment(ctx, "tokens/section.jte", Map.of("s", dev == null ? orgView(ctx, f) : personalView(ctx, dev, f)));
      return;
    }
    Principal p = ApiRequests.principal(ctx);
    if (f != null && p.sessionSha256() != null) {
      flash.put(p.sessionSha256(), section(dev), f);
    }
    ctx.redirect(back(dev), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  private TokenSection orgView(Context ctx, TokenFlash.Flash given) {
    Principal p = ApiRequests.principal(ctx);
    TokenFlash.Flash f = given != null ? given : taken(p, null);
    List<TokenSection.Row> rows = tokens.list(p.orgId()).stream().map(TokenSection::row).toList();
    boolean oob = f != null && f.secret() != null && "true".equals(ctx.header("HX-Request"));
    return new TokenSection(ORG_BASE, "tokens", back(null), false, rows, f, oob, p.csrfToken() == null ? "" : p.csrfToken());
  }

  private TokenSection personalView(Context ctx, long dev, TokenFlash.Flash given) {
    Principal p = ApiRequests.principal(ctx);
    TokenFlash.Flash f = given != null ? given : taken(p, dev);
    List<TokenSection.Row> rows = tokens.personal(p.orgId(), dev).stream().map(TokenSection::row).toList();
    return new TokenSection("/developers/" + dev + "/ingest-tokens", "personal-tokens", back(dev), true, rows, f, false,
        p.csrfToken() == null ? "" : p.csrfToken());
  }

  private TokenFlash.Flash taken(Principal p, Long dev) {
    return p.sessionSha256() == null ? null : flash.take(p.sessionSha256(), section(dev)).orElse(null);
  }

  private static String section(Long dev) {
    return dev == null ? "org" : "developer-" + dev;
  }

  private static String back(Long dev) {
    return dev == null ? "/integrations/claude-code#tokens" : "/developers/" + dev + "#personal-tokens";
  }

  private static long owner(Context ctx) {
    long dev = ApiRequests.pathId(ctx, "id");
    IngestTokens.mayManage(ApiRequests.principal(ctx), dev);
    return dev;
  }

  private static String name(Context ctx) {
    String n = ctx.formParam("name");
    if (n == null || n.isBlank()) {
      throw new IllegalArgumentException("Give the token a name.");
    }
    if (n.length() > 200) {
      throw new IllegalArgumentException("The name is longer than 200 characters.");
    }
    return n.trim();
  }

  private static int grace(Context ctx) {
    try {
      return IngestTokens.graceHours(Long.parseLong(String.valueOf(ctx.formParam("graceHours")).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Choose how long the old token keeps working.");
    }
  }
}
