package dev.yardstick;

/** The process entry: runs the command line ({@link Cli}) and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(Cli.run(new Cli.Io(System.getenv(), System.out, System.err), args));
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
