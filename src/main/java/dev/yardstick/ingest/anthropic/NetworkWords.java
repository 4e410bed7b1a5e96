package dev.yardstick.ingest.anthropic;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;

/** What went wrong on the way to the Admin API, said as a person would (the JDK's exceptions often carry no message). */
final class NetworkWords {
  private NetworkWords() {}

  static String of(IOException e, URI base) {
    int port = base.getPort() > 0 ? base.getPort() : "http".equals(base.getScheme()) ? 80 : 443;
    String where = base.getHost() + ":" + port;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
        return "the host name " + base.getHost() + " could not be resolved";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "connecting to " + where + " timed out";
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer came from " + where + " in time";
      }
      if (t instanceof SSLException) {
        return "the TLS handshake with " + where + " failed (" + t.getMessage() + ")";
      }
    }
    if (e instanceof ConnectException) {
      return "the connection to " + where + " was refused";
    }
    return "the connection to " + where + " failed (" + e.getClass().getSimpleName()
        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
  }
}
