package dev.yardstick.model;

/** Who sent an export: the organization and the id of the ingest token it came with (recorded with its facts). */
public record IngestSender(long orgId, String tokenId) {}
