package dev.yardstick.web;

import dev.yardstick.config.TrustedProxies;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The address a request came from: the peer, unless the peer is a trusted proxy; then the nearest
 * address in X-Forwarded-For that is not a trusted proxy. Read from the right: each proxy appends
 * the address it saw, and what stands further left was written by the client, who may write anything.
 */
final class ClientAddress {
  private static final int MAX_LENGTH = 64;

  private ClientAddress() {}

  static String of(Context ctx, TrustedProxies proxies) {
    return of(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders("X-Forwarded-For")), proxies);
  }

  static String of(String peer, List<String> forwardedFor, TrustedProxies proxies) {
    String address = peer;
    if (proxies.contains(peer)) {
      List<String> hops = new ArrayList<>();
      for (String header : forwardedFor) {
        for (String hop : header.split(",")) {
          if (!hop.isBlank()) {
            hops.add(hop.trim());
          }
        }
      }
      for (int i = hops.size() - 1; i >= 0; i--) {
        address = hops.get(i);
        if (!proxies.contains(address)) {
          break;
        }
      }
    }
    return address.length() > MAX_LENGTH ? address.substring(0, MAX_LENGTH) : address;
  }
}
