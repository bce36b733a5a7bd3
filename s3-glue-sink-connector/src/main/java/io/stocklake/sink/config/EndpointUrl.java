package io.stocklake.sink.config;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** An endpoint override (S3 or Glue): empty for the AWS service itself, else an http(s) URL with a host. */
final class EndpointUrl implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        String url = (String) value;
        if (url == null || url.isEmpty()) {
            return;
        }
        try {
            URI uri = new URI(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException(name, value, "must be an http or https URL with a host");
            }
        } catch (URISyntaxException e) {
            throw new ConfigException(name, value, "is not a URL: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "empty or an http(s) URL";
    }
}
