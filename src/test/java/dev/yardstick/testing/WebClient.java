package dev.yardstick.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A cookie-keeping HTTP client that signs in through the pages and posts forms, as a browser would. */
public final class WebClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final TestServer server;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient http;
  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

  public WebClient(TestServer server) {
    this.server = server;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Sends this header with every request from now on (X-Forwarded-For, as a proxy in front would). */
  public WebClient header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Posts a form; pairs are name, value, name, value... */
  public HttpResponse<String> post(String path, String... pairs) throws IOException, InterruptedException {
    String form = Stream.iterate(0, i -> i + 2).limit(pairs.length / 2)
        .map(i -> enc(pairs[i]) + "=" + enc(pairs[i + 1])).collect(Collectors.joining("&"));
    return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON call with the session cookie and, for changes, the CSRF token as a header. */
  public HttpResponse<String> json(String method, String path, String body, String csrf) throws IOException, InterruptedException {
    HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (csrf != null) {
      b.header("X-CSRF-Token", csrf);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> signIn(String email, String password) throws IOException, InterruptedException {
    return post("/login", "email", email, "password", password, "next", "/");
  }

  /** The CSRF token of the signed-in session, read from a page's form. */
  public String csrf() throws IOException, InterruptedException {
    Matcher m = CSRF.matcher(get("/account").body());
    if (!m.find()) {
      throw new AssertionError("no CSRF field on /account: not signed in?");
    }
    return m.group(1);
  }

  public Optional<String> sessionCookie() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("ys_session"))
        .map(HttpCookie::getValue).findFirst();
  }

  /** Sets a session cookie by hand, as an attacker fixing a victim's session would try. */
  public void setSessionCookie(String value) {
    HttpCookie c = new HttpCookie("ys_session", value);
    c.setPath("/");
    c.setVersion(0);
    cookies.getCookieStore().add(URI.create(server.url("/")), c);
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(60));
    headers.forEach(b::header);
    return b;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
