package dev.yardstick.config;

import java.util.List;
import java.util.Map;

/** Maps {@code --http-port=9000} or {@code --http-port 9000} onto YARDSTICK_HTTP_PORT in a value map. */
final class FlagParser {
  private FlagParser() {}

  static void apply(List<String> flags, Map<String, String> values) {
    for (int i = 0; i < flags.size(); i++) {
      String arg = flags.get(i);
      if (!arg.startsWith("--")) {
        throw new ConfigException(arg, "", "unexpected argument; settings are given as --name=value");
      }
      int eq = arg.indexOf('=');
      String flag = eq < 0 ? arg : arg.substring(0, eq);
      String value;
      if (eq >= 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < flags.size()) {
        value = flags.get(++i);
      } else {
        throw new ConfigException(flag, "", "missing value");
      }
      Config.Setting setting = Config.SETTINGS.stream().filter(s -> s.flag().equals(flag)).findFirst()
          .orElseThrow(() -> new ConfigException(flag, "", "unknown setting; `java -jar yardstick.jar help` lists them"));
      values.put(setting.name(), value.isBlank() ? setting.defaultValue() : value.trim());
    }
  }
}
