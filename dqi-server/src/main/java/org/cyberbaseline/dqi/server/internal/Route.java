package org.cyberbaseline.dqi.server.internal;

/**
 * One read-only query the server answers.
 *
 * @param path the request path, e.g. {@code /dqi/v1/inventory}
 * @param queryId the id in the DQI manifest ({@code dqi.queries[].id}); also the permission {@code query:<id>}
 * @param category the DQI query category
 * @param mediaType the Content-Type answered (the document's own media type for SBOM and VEX)
 * @param body the complete response body, built once at start: a request allocates nothing proportional to it
 * @param freshness {@code live}, {@code cached-at-boot} or {@code cached-at-update}, as declared in the manifest
 */
public record Route(String path, String queryId, String category, String mediaType, byte[] body, String freshness) {}
