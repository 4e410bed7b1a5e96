package dev.yardstick.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  @Test
  void rangesAndSingleAddresses_matchTheirPeersOnly() {
    TrustedProxies p = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7 fd00::/8,::1 172.16.0.0/12");

    assertThat(p.contains("10.200.3.4")).isTrue();
    assertThat(p.contains("11.0.0.1")).isFalse();
    assertThat(p.contains("192.0.2.7")).isTrue();
    assertThat(p.contains("192.0.2.8")).isFalse();
    assertThat(p.contains("172.31.255.255")).isTrue();
    assertThat(p.contains("172.32.0.0")).isFalse();
    assertThat(p.contains("fd12:3456::1")).isTrue();
    assertThat(p.contains("[0:0:0:0:0:0:0:1]")).isTrue();
    assertThat(p.contains("::ffff:10.1.2.3")).as("IPv4-mapped").isTrue();
    assertThat(p.contains("2001:db8::1")).isFalse();
    assertThat(p.contains("localhost")).as("names are never looked up").isFalse();
    assertThat(p.contains(null)).isFalse();
  }

  @Test
  void emptyTrustsNoOne_andAZeroPrefixTrustsEveryone() {
    assertThat(TrustedProxies.parse(" ").ranges()).isEmpty();
    assertThat(TrustedProxies.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
  }

  @Test
  void badEntries_stopStartUp_namingTheVariable() {
    for (String bad : List.of("proxy.internal", "10.0.0.0/33", "999.1.1.1", "::1/129", "10.0.0.0/x", "1::2::3")) {
      assertThatThrownBy(() -> Config.fromEnv(Map.of("YARDSTICK_TRUSTED_PROXIES", bad))).as(bad)
          .isInstanceOf(ConfigException.class).hasMessageStartingWith("YARDSTICK_TRUSTED_PROXIES=");
    }
    assertThat(Config.fromEnv(Map.of("YARDSTICK_TRUSTED_PROXIES", "127.0.0.1")).trustedProxies().contains("127.0.0.1")).isTrue();
    assertThat(Config.fromEnv(Map.of()).trustedProxies().ranges()).isEmpty();
  }
}
