package org.chainline.registry;

/**
 * Said once a committed write has made these bytes those of a protected evidence item, so that the evidence store
 * seals them at rest (it also sweeps at start-up, for a crash between the commit and the sealing).
 */
public record BytesProtected(String sha256) {
}
