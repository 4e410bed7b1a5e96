package dev.yardstick.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which clone URLs give a commit link, and that a link never carries what the URL held besides host and path. */
class CommitRowsTest {
  static final String SHA = "0123456789abcdef0123456789abcdef01234567";

  @Test
  void githubAndGitlabHttpsUrls_linkToTheCommitPage() {
    assertThat(CommitRows.href("https://github.com/acme/web.git", SHA)).isEqualTo("https://github.com/acme/web/commit/" + SHA);
    assertThat(CommitRows.href("https://github.com/acme/web", SHA)).isEqualTo("https://github.com/acme/web/commit/" + SHA);
    assertThat(CommitRows.href("https://gitlab.com/acme/group/web.git", SHA))
        .isEqualTo("https://gitlab.com/acme/group/web/-/commit/" + SHA);
  }

  @Test
  void credentials_queries_otherHosts_localPaths_andOddShas_giveNoLinkOrDropWhatIsNotThePath() {
    assertThat(CommitRows.href("https://x-access-token:secret@github.com/acme/web.git", SHA))
        .isEqualTo("https://github.com/acme/web/commit/" + SHA).doesNotContain("secret");
    assertThat(CommitRows.href("https://github.com/acme/web.git?token=secret", SHA)).doesNotContain("secret");
    assertThat(CommitRows.href("http://github.com/acme/web.git", SHA)).isNull();
    assertThat(CommitRows.href("https://git.internal.example/acme/web.git", SHA)).isNull();
    assertThat(CommitRows.href(null, SHA)).isNull();
    assertThat(CommitRows.href("https://github.com/acme", SHA)).isNull();
    assertThat(CommitRows.href("https://github.com/acme/web.git", "<script>")).isNull();
    assertThat(CommitRows.href("https://github.com/ac\"me/web.git", SHA)).isNull();
  }
}
