package dev.yardstick.git;

import java.util.ArrayList;
import java.util.List;

/**
 * Which files count as committed lines. Lock files, vendored and generated code and build output
 * do not by default; a repository can exclude more and include back (an include wins).
 */
public final class PathRules {
  public static final List<String> DEFAULT_EXCLUDES = List.of(
      "package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml", "bun.lockb", "go.sum", "Cargo.lock",
      "poetry.lock", "Pipfile.lock", "uv.lock", "Gemfile.lock", "composer.lock", "mix.lock", "pubspec.lock", "Podfile.lock",
      "packages.lock.json", "gradle.lockfile", "flake.lock",
      "*.min.js", "*.min.css", "*.map", "*.snap",
      "vendor/", "third_party/", "third-party/", "node_modules/", "bower_components/", "Pods/",
      "dist/", "build/", "out/", "target/", "bin/", "obj/", ".next/", "coverage/",
      "generated/", "__generated__/", "gen/",
      "*.pb.go", "*.pb.gw.go", "*_pb2.py", "*_pb2.pyi", "*_pb2_grpc.py", "*.pb.cc", "*.pb.h", "*.pb.swift", "*_pb.js",
      "*_pb.d.ts", "*_grpc_pb.js", "*.g.dart", "*.freezed.dart", "*.generated.*", "*_generated.go", "zz_generated.*");

  private final List<Glob> excludes;
  private final List<Glob> includes;

  public PathRules(List<String> extraExcludes, List<String> includes) {
    List<Glob> ex = new ArrayList<>();
    DEFAULT_EXCLUDES.forEach(p -> ex.add(Glob.of(p)));
    extraExcludes.stream().filter(p -> !p.isBlank()).forEach(p -> ex.add(Glob.of(p)));
    this.excludes = List.copyOf(ex);
    this.includes = includes.stream().filter(p -> !p.isBlank()).map(Glob::of).toList();
  }

  public static PathRules defaults() {
    return new PathRules(List.of(), List.of());
  }

  /** Parses comma or newline separated patterns. */
  public static List<String> split(String patterns) {
    if (patterns == null || patterns.isBlank()) {
      return List.of();
    }
    return List.of(patterns.split("[,\\n]")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public boolean counts(String path) {
    for (Glob g : includes) {
      if (g.matches(path)) {
        return true;
      }
    }
    for (Glob g : excludes) {
      if (g.matches(path)) {
        return false;
      }
    }
    return true;
  }
}
