package dev.yardstick.git;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which files count as committed lines. Lock files, vendored and generated code and build output
 * do not by default; a repository can exclude more and include back (an include wins).
 */
public final class PathRules {
  private static final int MAX_DECIDED = 200_000;
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

  // names and directory names excluded exactly, looked up per segment; the other patterns are tried one by one
  private final Set<String> excludedNames = new HashSet<>();
  private final Set<String> excludedDirs = new HashSet<>();
  private final List<Glob> excludes;
  private final List<Glob> includes;
  private final Map<String, Boolean> decided = new ConcurrentHashMap<>();

  public PathRules(List<String> extraExcludes, List<String> includes) {
    List<Glob> ex = new ArrayList<>();
    List<String> all = new ArrayList<>(DEFAULT_EXCLUDES);
    extraExcludes.stream().filter(p -> !p.isBlank()).forEach(all::add);
    for (String p : all) {
      Glob g = Glob.of(p);
      if (g.literal() == null) {
        ex.add(g);
      } else {
        (g.directory() ? excludedDirs : excludedNames).add(g.literal());
      }
    }
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

  /** Whether the path's lines count; each path is decided once (a history names the same files again and again). */
  public boolean counts(String path) {
    Boolean known = decided.get(path);
    if (known != null) {
      return known;
    }
    boolean counts = decide(path);
    if (decided.size() < MAX_DECIDED) {
      decided.put(path, counts);
    }
    return counts;
  }

  private boolean decide(String path) {
    String[] segments = path.split("/");
    for (Glob g : includes) {
      if (g.matches(path, segments)) {
        return true;
      }
    }
    for (int i = 0; i < segments.length; i++) {
      if (excludedNames.contains(segments[i]) || i < segments.length - 1 && excludedDirs.contains(segments[i])) {
        return false;
      }
    }
    for (Glob g : excludes) {
      if (g.matches(path, segments)) {
        return false;
      }
    }
    return true;
  }
}
