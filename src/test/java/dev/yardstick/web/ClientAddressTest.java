package dev.yardstick.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yardstick.config.TrustedProxies;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 127.0.0.1");

  @Test
  void untrustedPeer_isTheClient_whateverItForwards() {
    assertThat(ClientAddress.of("203.0.113.5", List.of("198.51.100.7"), PROXIES)).isEqualTo("203.0.113.5");
    assertThat(ClientAddress.of("203.0.113.5", List.of("198.51.100.7"), TrustedProxies.NONE)).isEqualTo("203.0.113.5");
  }

  @Test
  void behindTrustedProxies_theNearestUntrustedHopIsTheClient() {
    assertThat(ClientAddress.of("127.0.0.1", List.of("198.51.100.7"), PROXIES)).isEqualTo("198.51.100.7");
    // what the client wrote itself stands left of what the proxies appended
    assertThat(ClientAddress.of("127.0.0.1", List.of("1.2.3.4, 198.51.100.7, 10.1.1.1"), PROXIES)).isEqualTo("198.51.100.7");
    assertThat(ClientAddress.of("127.0.0.1", List.of("1.2.3.4", "198.51.100.7 , 10.1.1.1"), PROXIES)).isEqualTo("198.51.100.7");
  }

  @Test
  void onlyProxiesInTheChain_orNoHeader_fallBackToTheLeftmostOrThePeer() {
    assertThat(ClientAddress.of("127.0.0.1", List.of("10.9.9.9, 10.1.1.1"), PROXIES)).isEqualTo("10.9.9.9");
    assertThat(ClientAddress.of("127.0.0.1", List.of(), PROXIES)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.of("127.0.0.1", List.of(" , "), PROXIES)).isEqualTo("127.0.0.1");
  }

  @Test
  void anOverlongHop_isCut() {
    assertThat(ClientAddress.of("127.0.0.1", List.of("x".repeat(500)), PROXIES)).hasSize(64);
  }
}
