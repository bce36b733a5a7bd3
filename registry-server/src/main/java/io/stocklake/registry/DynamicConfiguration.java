package io.stocklake.registry;

import io.apicurio.common.apps.config.DynamicConfigPropertyList;
import java.util.List;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

/**
 * The list of settings an administrator may change at run time, which Apicurio's config-index extension computes at
 * build time. That extension is not on Maven Central, so this registry has none: every setting is read from its
 * configuration only, which is all the tests need.
 */
public class DynamicConfiguration {

    @Produces
    @Singleton
    DynamicConfigPropertyList dynamicConfigPropertyList() {
        return new DynamicConfigPropertyList(List.of());
    }
}
