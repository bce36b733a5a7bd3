package io.stocklake.source;

/** The connector's version, as the jar manifest records it. */
final class Version {

    private Version() {}

    static String get() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version != null ? version : "unknown";
    }
}
