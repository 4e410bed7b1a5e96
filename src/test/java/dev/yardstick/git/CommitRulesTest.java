package dev.yardstick.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Claude's marks in every form and their look-alikes; paths that count; reverts and fixes; numstat lines. */
class CommitRulesTest {
  @ParameterizedTest
  @ValueSource(strings = {
      "Add x\n\nCo-Authored-By: Claude <noreply@anthropic.com>",
      "Add x\n\nCo-Authored-By: Claude Sonnet 4.5 <noreply@anthropic.com>",
      "Add x\n\nco-authored-by:   claude opus 4.1 (1M context)   <NOREPLY@ANTHROPIC.COM>",
      "Add x\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)",
      "Add x\n\n🤖 Generated with [Claude Code](https://claude.ai/code)\n\nCo-Authored-By: Claude <noreply@anthropic.com>",
      "Add x\n\nGenerated with Claude Code",
      "Add x\n\nCo-Authored-By: Claude Sonnet 5 <noreply@anthropic.com>\nClaude-Session: https://claude.ai/code/session_1"})
  void claudeMarks_areFound(String message) {
    assertThat(CoAuthorDetector.evidence(message)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Add x\n\nCo-authored-by: Jane Roe <jane@example.com>",
      "Add x\n\nCo-Authored-By: Claude Shannon <claude@example.com>",
      "Mention noreply@anthropic.com in the docs",
      "Explain how code was generated with care",
      "Add x\n\nCo-Authored-By: Bot <noreply@anthropic.com>"})
  void lookAlikes_areNot(String message) {
    assertThat(CoAuthorDetector.evidence(message)).isEmpty();
  }

  @Test
  void trailerEvidence_isTheMatchedLine() {
    assertThat(CoAuthorDetector.evidence("x\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n"))
        .hasValue("Co-Authored-By: Claude <noreply@anthropic.com>");
  }

  @Test
  void pathRules_excludeLockVendoredGeneratedAndBuildOutput_configurably() {
    PathRules d = PathRules.defaults();
    for (String p : List.of("package-lock.json", "web/yarn.lock", "go.sum", "Cargo.lock", "poetry.lock", "pnpm-lock.yaml",
        "static/app.min.js", "vendor/github.com/x/y.go", "a/node_modules/b/c.js", "dist/app.js", "build/out.class",
        "api/v1/service.pb.go", "proto/x_pb2.py", "src/__generated__/types.ts")) {
      assertThat(d.counts(p)).as(p).isFalse();
    }
    for (String p : List.of("src/App.java", "README.md", "lib/vendors.js", "src/builder/Build.java", "minimal.js")) {
      assertThat(d.counts(p)).as(p).isTrue();
    }
    PathRules custom = new PathRules(List.of("docs/**", "*.sql"), List.of("vendor/ours/**"));
    assertThat(custom.counts("docs/a/b.md")).isFalse();
    assertThat(custom.counts("db/V1.sql")).isFalse();
    assertThat(custom.counts("vendor/ours/x.go")).isTrue();
    assertThat(custom.counts("vendor/theirs/x.go")).isFalse();
    assertThat(PathRules.split("a/, *.lock\nb")).containsExactly("a/", "*.lock", "b");
  }

  @Test
  void reverts_andFixes() {
    DefectRules r = DefectRules.defaults();
    String revert = "Revert \"Add feature\"\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.";
    assertThat(r.revert(revert)).isTrue();
    assertThat(r.fix(revert)).isFalse();
    assertThat(r.revertedShas(revert)).containsExactly("0123456789abcdef0123456789abcdef01234567");
    assertThat(r.revert("Revert \"x\"")).isTrue();
    for (String fix : List.of("fix: null check", "fix(parser)!: overflow", "Fix crash on start", "hotfix for login", "Fixes #12",
        "bugfix: race")) {
      assertThat(r.fix(fix)).as(fix).isTrue();
    }
    for (String not : List.of("feat: prefix handling", "Add fixture data", "docs: how we fixate\n\nfix: in body only")) {
      assertThat(r.fix(not)).as(not).isFalse();
    }
    assertThat(new DefectRules(List.of("^\\[BUG]")).fix("[BUG] wrong total")).isTrue();
  }

  @Test
  void numstatLines_withRenamesAndBinaries() {
    assertThat(FileStat.parse("3\t1\tsrc/A.java")).isEqualTo(new FileStat("src/A.java", null, 3, 1, false));
    assertThat(FileStat.parse("-\t-\tlogo.png")).isEqualTo(new FileStat("logo.png", null, 0, 0, true));
    assertThat(FileStat.parse("0\t0\told.txt => new.txt")).isEqualTo(new FileStat("new.txt", "old.txt", 0, 0, false));
    assertThat(FileStat.parse("2\t2\tsrc/{util => helpers}/X.java"))
        .isEqualTo(new FileStat("src/helpers/X.java", "src/util/X.java", 2, 2, false));
    assertThat(FileStat.parse("1\t0\tsrc/{ => sub}/X.java")).isEqualTo(new FileStat("src/sub/X.java", "src/X.java", 1, 0, false));
  }
}
