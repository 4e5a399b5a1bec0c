package org.chainline.evidence.files;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * An S3-compatible object store for the evidence files ({@code chainline.evidence.s3}): a bucket (set: the store is
 * used), the endpoint of a store other than AWS (MinIO, Ceph, Garage...; path-style addressing), its region, a key
 * (empty: the AWS SDK's default credentials: environment, profile, instance role), a prefix inside the bucket, and the
 * size above which a file goes up in parts ({@code multipart-mb}).
 */
@ConfigurationProperties("chainline.evidence.s3")
public record ObjectStoreSettings(@Nullable String bucket, @Nullable String endpoint,
                                  @Bindable(defaultValue = "us-east-1") String region,
                                  @Nullable String accessKey, @Nullable String secretKey,
                                  @Nullable String prefix,
                                  @Bindable(defaultValue = "64") long multipartMb) {

    public boolean configured() {
        return bucket != null && !bucket.isBlank();
    }

    String keyPrefix() {
        if (prefix == null || prefix.isBlank()) {
            return "";
        }
        return prefix.endsWith("/") ? prefix : prefix + "/";
    }
}
