package io.stocklake.testing.s3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3OperationTest {

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
        "GET, /, ListBuckets",
        "PUT, /lake, CreateBucket",
        "HEAD, /lake, HeadBucket",
        "GET, /lake?list-type=2&prefix=topics%2F, ListObjectsV2",
        "GET, /lake?prefix=a, ListObjects",
        "GET, /lake?uploads, ListMultipartUploads",
        "GET, /lake?location, GetBucketLocation",
        "POST, /lake?delete, DeleteObjects",
        "PUT, /lake/a/b.json, PutObject",
        "POST, /lake/a/b.json?uploads, CreateMultipartUpload",
        "PUT, /lake/a/b.json?partNumber=2&uploadId=u1, UploadPart",
        "POST, /lake/a/b.json?uploadId=u1, CompleteMultipartUpload",
        "DELETE, /lake/a/b.json?uploadId=u1, AbortMultipartUpload",
        "GET, /lake/a/b.json?uploadId=u1, ListParts",
        "GET, /lake/a/b.json, GetObject",
        "HEAD, /lake/a/b.json, HeadObject",
        "DELETE, /lake/a/b.json, DeleteObject",
    })
    void namesAPathStyleRequestAsTheS3ApiDoes(String method, String target, String name) {
        assertThat(S3Operation.classify(method, target, false).name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "PUT {0} with a copy source is {1}")
    @CsvSource({"/lake/k, CopyObject", "/lake/k?partNumber=1&uploadId=u, UploadPartCopy"})
    void aCopySourceMakesAPutACopy(String target, String name) {
        assertThat(S3Operation.classify("PUT", target, true).name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "/lake/topics/ticks/dt%3D2026-11-24/t%2B0%2B00000000000000000042.json, topics/ticks/dt=2026-11-24/t+0+00000000000000000042.json"
    })
    void decodesTheKey(String target, String key) {
        S3Operation operation = S3Operation.classify("PUT", target, false);
        assertThat(operation.bucket()).isEqualTo("lake");
        assertThat(operation.key()).isEqualTo(key);
    }
}
