package io.stocklake.sink.config;

/** Server-side encryption of the written objects ({@code s3.sse}), spelled as S3's API spells it. */
public enum ServerSideEncryption implements ConfigName {
    NONE("none"),
    AES256("AES256"),
    KMS("aws:kms");

    private final String configName;

    ServerSideEncryption(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
