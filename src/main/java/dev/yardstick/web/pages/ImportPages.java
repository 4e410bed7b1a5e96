package dev.yardstick.web.pages;

import dev.yardstick.auth.Principal;
import dev.yardstick.people.PeopleCsv;
import dev.yardstick.people.PeopleCsvPreview;
import dev.yardstick.people.PeopleService;
import dev.yardstick.web.api.ApiRequests;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * /developers/import (admins): upload or paste the people CSV of POST /api/v1/developers/import, see what it
 * would create, change and refuse, then confirm; the confirmation carries the same text in a hidden field.
 */
public final class ImportPages {
  /** The largest CSV the page takes (the form field and the upload alike). */
  static final int MAX_CHARS = 2_000_000;
  private final PeopleCsv csv;
  private final PeopleCsvPreview preview;

  public ImportPages(PeopleService people) {
    this.csv = new PeopleCsv(people);
    this.preview = new PeopleCsvPreview(people);
  }

  public void show(Context ctx) {
    render(ctx, "", null, null, null);
  }

  public void preview(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    String text = "";
    try {
      text = text(ctx);
      render(ctx, text, preview.preview(p.orgId(), text), null, null);
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      render(ctx, text, null, null, e.getMessage());
    }
  }

  public void confirm(Context ctx) {
    Principal p = ApiRequests.principal(ctx);
    String text = String.valueOf(ctx.formParam("csv"));
    try {
      render(ctx, "", null, csv.importCsv(p.orgId(), text), null);
    } catch (IllegalArgumentException e) {
      ctx.status(400);
      render(ctx, text, null, null, e.getMessage());
    }
  }

  private void render(Context ctx, String text, List<PeopleCsvPreview.Planned> planned, PeopleCsv.ImportResult result, String error) {
    Map<String, Object> params = new HashMap<>();
    params.put("frame", Frame.of(ctx, "teams"));
    params.put("text", text);
    params.put("planned", planned);
    params.put("result", result);
    params.put("error", error);
    Pages.render(ctx, "developers/import.jte", params);
  }

  /** The uploaded file, else the pasted text. */
  private static String text(Context ctx) {
    UploadedFile file = ctx.uploadedFile("file");
    String text;
    if (file != null && file.size() > 0) {
      if (file.size() > MAX_CHARS) {
        throw new IllegalArgumentException("the file is larger than " + MAX_CHARS / 1_000_000 + " MB");
      }
      try (InputStream in = file.content()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalArgumentException("the file could not be read: " + e.getMessage());
      }
    } else {
      text = ctx.formParam("csv");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("choose a CSV file or paste its text");
    }
    if (text.length() > MAX_CHARS) {
      throw new IllegalArgumentException("the text is longer than " + MAX_CHARS + " characters");
    }
    return text.startsWith("\uFEFF") ? text.substring(1) : text; // a spreadsheet's byte order mark
  }
}
