package io.stocklake.sink.storage;

/**
 * A small object's content and the version tag (S3's ETag) it had when read: a conditional write names that
 * tag to replace exactly this content and nothing written since.
 */
public record VersionedObject(byte[] content, String version) {}
