package dev.yardstick.model;

/**
 * Who sent an export: the organization and the id of the ingest token it came with (recorded with its facts);
 * {@code personal} when that token is a developer's own, whose data is theirs whatever its attributes say.
 */
public record IngestSender(long orgId, String tokenId, boolean personal) {
  public IngestSender(long orgId, String tokenId) {
    this(orgId, tokenId, false);
  }
}
