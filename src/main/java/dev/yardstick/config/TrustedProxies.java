package dev.yardstick.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The addresses (and CIDR ranges) of the reverse proxies in front of Yardstick, whose
 * X-Forwarded-For is believed. Only IP literals: a host name would make start-up depend on DNS.
 */
public record TrustedProxies(List<Range> ranges) {
  public static final TrustedProxies NONE = new TrustedProxies(List.of());

  /** An address and how many of its leading bits a peer must share with it. */
  public record Range(byte[] network, int prefix) {
    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      return rest == 0 || ((address[full] ^ network[full]) & (0xff << (8 - rest)) & 0xff) == 0;
    }
  }

  /** Parses "10.0.0.0/8, 192.0.2.7 ::1" (commas or blanks between entries); throws IllegalArgumentException naming the bad entry. */
  public static TrustedProxies parse(String value) {
    List<Range> ranges = new ArrayList<>();
    for (String entry : value.trim().split("[,\\s]+")) {
      if (entry.isEmpty()) {
        continue;
      }
      int slash = entry.indexOf('/');
      byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash))
          .orElseThrow(() -> new IllegalArgumentException("\"" + entry + "\" is not an IP address or CIDR range"));
      int prefix = address.length * 8;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(entry.substring(slash + 1));
        } catch (NumberFormatException e) {
          prefix = -1;
        }
        if (prefix < 0 || prefix > address.length * 8) {
          throw new IllegalArgumentException("\"" + entry + "\" has a prefix length outside 0-" + address.length * 8);
        }
      }
      ranges.add(new Range(address, prefix));
    }
    return new TrustedProxies(List.copyOf(ranges));
  }

  /** Whether a peer's address (as the server reports it) is one of the proxies. */
  public boolean contains(String address) {
    Optional<byte[]> a = literal(address);
    return a.isPresent() && ranges.stream().anyMatch(r -> r.contains(a.get()));
  }

  /** The bytes of an IPv4 or IPv6 literal (IPv4-mapped IPv6 as IPv4), without any name lookup; empty for anything else. */
  static Optional<byte[]> literal(String text) {
    String s = text == null ? "" : text.trim();
    if (s.startsWith("[") && s.endsWith("]")) {
      s = s.substring(1, s.length() - 1);
    }
    boolean v4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}")
        && java.util.Arrays.stream(s.split("\\.")).allMatch(octet -> Integer.parseInt(octet) <= 255);
    boolean v6 = s.contains(":") && s.matches("[0-9A-Fa-f:.]+");
    if (!v4 && !v6) {
      return Optional.empty(); // never a name: InetAddress would look it up
    }
    try {
      return Optional.of(InetAddress.getByName(s).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
